package io.adlake.catalog.tables;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;

/**
 * The condition "row is in one of these slices". Slices are grouped by all columns but the first,
 * whose values go into one IN list per group: with thousands of orgs the condition has one term per
 * (platform, day), not one per org, so Spark and Iceberg never walk a tree thousands of ORs deep;
 * and the groups are OR-ed as a balanced tree.
 */
public final class SliceFilter {
  private SliceFilter() {}

  /**
   * @param columns slice columns; the first is the one with many values (the org)
   * @param slices one list of values per slice, in column order
   * @param qualifier prefix for column names, e.g. {@code "t."}, or empty
   */
  public static Column of(List<String> columns, List<List<Object>> slices, String qualifier) {
    if (slices.isEmpty()) {
      throw new IllegalArgumentException("no slices to match");
    }
    Map<List<Object>, List<Object>> groups = new LinkedHashMap<>();
    for (List<Object> slice : slices) {
      groups
          .computeIfAbsent(slice.subList(1, slice.size()), k -> new ArrayList<>())
          .add(slice.get(0));
    }
    List<Column> terms = new ArrayList<>();
    for (Map.Entry<List<Object>, List<Object>> group : groups.entrySet()) {
      Column term =
          col(qualifier + columns.get(0)).isin(group.getValue().stream().distinct().toArray());
      for (int i = 1; i < columns.size(); i++) {
        term = term.and(col(qualifier + columns.get(i)).equalTo(lit(group.getKey().get(i - 1))));
      }
      terms.add(term);
    }
    return anyOf(terms, 0, terms.size());
  }

  /**
   * The terms OR-ed as a balanced tree: a backfill has one term per platform and day, hundreds, and
   * a chain that deep overflows the stack of Spark's SQL parser and of Catalyst's recursive rules;
   * a balanced tree is about ten levels deep.
   */
  private static Column anyOf(List<Column> terms, int from, int to) {
    if (to - from == 1) {
      return terms.get(from);
    }
    int middle = (from + to) >>> 1;
    return anyOf(terms, from, middle).or(anyOf(terms, middle, to));
  }
}

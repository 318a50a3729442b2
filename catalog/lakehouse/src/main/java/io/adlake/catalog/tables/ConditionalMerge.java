package io.adlake.catalog.tables;

import io.adlake.catalog.Lakehouse;
import io.adlake.model.TableSpec;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A compare-and-set on rows of an Iceberg table, for claims that two processes may race for: one
 * MERGE updates a row only where a condition on the row as it stands still holds (it is as the
 * caller read it, or free), and may insert keys the table lacks. Iceberg's serializable MERGE
 * refuses the second of two concurrent commits that touch the same rows; that refusal is not an
 * error here and is not retried: the caller reads the rows back, and a claim is its own only if the
 * rows now show it. Whoever lost sees the winner's claim.
 *
 * <p>Only column names and a temporary view's name reach the SQL text; values travel in the view.
 */
public final class ConditionalMerge {
  private ConditionalMerge() {}

  /**
   * @param source the claimed rows, with the table's columns and any helper columns the condition
   *     reads as {@code s.<column>}
   * @param key the columns that match a source row to a table row
   * @param whenMatched a condition on {@code t} (the row as it stands) and {@code s}, under which
   *     it is updated
   * @param set the columns a matched row takes from the source; empty: all of the table's
   * @param insert whether keys the table lacks are inserted
   * @return false when another writer's concurrent commit won (nothing of this MERGE was committed)
   */
  public static boolean apply(
      Lakehouse lakehouse,
      TableSpec table,
      Dataset<Row> source,
      List<String> key,
      String whenMatched,
      List<String> set,
      boolean insert) {
    String[] columns = lakehouse.read(table).columns();
    String on =
        key.stream()
            .map(c -> "t." + quote(c) + " = s." + quote(c))
            .collect(Collectors.joining(" AND "));
    String assignments =
        (set.isEmpty() ? Arrays.stream(columns) : set.stream())
            .map(c -> "t." + quote(c) + " = s." + quote(c))
            .collect(Collectors.joining(", "));
    String view = "adlake_claim_" + UUID.randomUUID().toString().replace("-", "");
    String sql =
        "MERGE INTO "
            + lakehouse.name(table)
            + " t USING "
            + view
            + " s ON "
            + on
            + " WHEN MATCHED AND ("
            + whenMatched
            + ") THEN UPDATE SET "
            + assignments;
    if (insert) {
      String names =
          Arrays.stream(columns).map(ConditionalMerge::quote).collect(Collectors.joining(", "));
      String values =
          Arrays.stream(columns).map(c -> "s." + quote(c)).collect(Collectors.joining(", "));
      sql += " WHEN NOT MATCHED THEN INSERT (" + names + ") VALUES (" + values + ")";
    }
    source.createOrReplaceTempView(view);
    try {
      lakehouse.spark().sql(sql);
      return true;
    } catch (RuntimeException failed) {
      if (!concurrentCommit(failed)) {
        throw failed;
      }
      return false;
    } finally {
      lakehouse.spark().catalog().dropTempView(view);
      lakehouse.spark().catalog().refreshTable(lakehouse.name(table));
    }
  }

  /**
   * Whether a failed commit failed because another writer committed first: Iceberg's validation of
   * a concurrent change, or a catalog refusing a commit whose base moved.
   */
  public static boolean concurrentCommit(Throwable failed) {
    for (Throwable t = failed; t != null; t = t.getCause()) {
      if (t instanceof ValidationException || t instanceof CommitFailedException) {
        return true;
      }
    }
    return false;
  }

  private static String quote(String column) {
    return "`" + column.replace("`", "``") + "`";
  }
}

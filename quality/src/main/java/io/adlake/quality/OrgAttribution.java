package io.adlake.quality;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.adlake.model.config.CheckSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Finds whose rows failed a column check that Deequ failed over the whole table, so that one org's
 * broken export holds that org and not every org. All row-level checks of a table are attributed in
 * one aggregation grouped by org (never a scan per org); a uniqueness check is one grouping by its
 * columns, then by org.
 *
 * <p>A check is attributable when every failing row names an org: uniqueness only on columns that
 * include {@code org_id}, and no failing row with a null org. Otherwise, or when the attribution
 * finds no failing row where Deequ found some, the caller keeps the table-wide failure: a doubt
 * holds the whole run, never lets rows through.
 */
public final class OrgAttribution {
  private OrgAttribution() {}

  private static final String ORG = "org_id";
  private static final int EXAMPLES = 3;

  /**
   * A check Deequ failed over the whole table.
   *
   * @param name the check's name in the gate's outcomes ({@code grain(...)} for the grain, else the
   *     spec's own)
   */
  public record Failed(String name, CheckSpec spec) {}

  /**
   * @return per failed check, in order, one failure outcome per org whose rows fail it; empty when
   *     the check cannot be attributed (see the class note)
   */
  public static List<Optional<List<ConstraintOutcome>>> attribute(
      String table, Dataset<Row> rows, List<Failed> checks, Set<String> knownOrgs) {
    List<Optional<List<ConstraintOutcome>>> out = new ArrayList<>();
    List<RowCheck> rowChecks = new ArrayList<>();
    for (Failed failed : checks) {
      CheckSpec spec = failed.spec();
      out.add(Optional.empty());
      if (spec.check().equals("unique")) {
        continue;
      }
      List<String> columns = spec.check().equals("known_org") ? List.of(ORG) : spec.columns();
      for (String column : columns) {
        rowChecks.add(
            new RowCheck(
                out.size() - 1, failed.name(), spec, column, failing(spec, column, knownOrgs)));
      }
    }
    if (!rowChecks.isEmpty()) {
      attributeRows(table, rows, rowChecks, out);
    }
    for (int i = 0; i < checks.size(); i++) {
      if (checks.get(i).spec().check().equals("unique")) {
        out.set(i, attributeUniqueness(table, rows, checks.get(i)));
      }
    }
    return out;
  }

  private record RowCheck(int index, String name, CheckSpec spec, String column, Column failing) {}

  /**
   * The rows a check refuses, as Deequ judges them: a null is complete-failing only, never negative
   * or disallowed.
   */
  private static Column failing(CheckSpec spec, String column, Set<String> knownOrgs) {
    return switch (spec.check()) {
      case "complete" -> col(column).isNull();
      case "non_negative" -> col(column).cast(DataTypes.DoubleType).lt(0);
      case "allowed_values" ->
          col(column).isNotNull().and(not(col(column).isin(spec.values().toArray())));
      case "known_org" -> col(ORG).isNotNull().and(not(col(ORG).isin(knownOrgs.toArray())));
      default -> throw new IllegalArgumentException(spec.check() + " is not a row-level check");
    };
  }

  private static void attributeRows(
      String table,
      Dataset<Row> rows,
      List<RowCheck> checks,
      List<Optional<List<ConstraintOutcome>>> out) {
    List<Column> aggregates = new ArrayList<>();
    aggregates.add(count(lit(1)).as("_rows"));
    for (int i = 0; i < checks.size(); i++) {
      RowCheck c = checks.get(i);
      aggregates.add(sum(when(c.failing(), 1).otherwise(0)).as("_f" + i));
      // What failed, to name in the reason: the lowest value of a negative column, a few disallowed
      // values.
      Column example =
          c.spec().check().equals("non_negative")
              ? min(when(c.failing(), col(c.column()).cast(DataTypes.DoubleType)))
                  .cast(DataTypes.StringType)
              : concat_ws(
                  ", ",
                  slice(
                      array_sort(
                          collect_set(
                              when(c.failing(), col(c.column()).cast(DataTypes.StringType)))),
                      1,
                      EXAMPLES));
      aggregates.add(example.as("_e" + i));
    }
    List<Row> perOrg =
        rows.groupBy(col(ORG))
            .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
            .orderBy(ORG)
            .collectAsList();
    List<List<ConstraintOutcome>> found = new ArrayList<>();
    List<Boolean> attributable = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      found.add(new ArrayList<>());
      attributable.add(true);
    }
    for (Row org : perOrg) {
      long total = org.getLong(1);
      for (int i = 0; i < checks.size(); i++) {
        RowCheck c = checks.get(i);
        long failed = org.getLong(2 + 2 * i);
        if (failed == 0) {
          continue;
        }
        if (org.isNullAt(0)) {
          attributable.set(c.index(), false);
          continue;
        }
        String example = org.isNullAt(3 + 2 * i) ? "" : org.getString(3 + 2 * i);
        String message =
            failed
                + " of "
                + total
                + " row(s) of org "
                + org.getString(0)
                + " "
                + describe(c, example);
        found
            .get(c.index())
            .add(
                new ConstraintOutcome(
                    table,
                    org.getString(0),
                    c.name(),
                    c.spec().check() + "(" + c.column() + ") per org",
                    c.spec().level(),
                    "failure",
                    message,
                    (double) failed));
      }
    }
    for (RowCheck c : checks) {
      if (attributable.get(c.index()) && !found.get(c.index()).isEmpty()) {
        out.set(c.index(), Optional.of(found.get(c.index())));
      }
    }
  }

  private static String describe(RowCheck c, String example) {
    return switch (c.spec().check()) {
      case "complete" -> "have no " + c.column();
      case "non_negative" -> "have " + c.column() + " < 0 (lowest " + example + ")";
      case "allowed_values" ->
          "have " + c.column() + " outside " + c.spec().values() + " (" + example + ")";
      case "known_org" -> "belong to an org the registry does not know";
      default -> throw new IllegalStateException(c.spec().check());
    };
  }

  private static Optional<List<ConstraintOutcome>> attributeUniqueness(
      String table, Dataset<Row> rows, Failed failed) {
    CheckSpec spec = failed.spec();
    if (!spec.columns().contains(ORG)) {
      return Optional.empty();
    }
    Column[] keys = spec.columns().stream().map(c -> col(c)).toArray(Column[]::new);
    Column[] rest =
        spec.columns().stream()
            .filter(c -> !c.equals(ORG))
            .map(c -> col(c).cast(DataTypes.StringType))
            .toArray(Column[]::new);
    List<Row> perOrg =
        rows.groupBy(keys)
            .agg(count(lit(1)).as("_n"))
            .filter(col("_n").gt(1))
            .groupBy(col(ORG))
            .agg(
                count(lit(1)).as("_keys"),
                sum("_n").as("_rows"),
                min(concat_ws("|", rest)).as("_example"))
            .orderBy(ORG)
            .collectAsList();
    List<ConstraintOutcome> found = new ArrayList<>();
    for (Row org : perOrg) {
      if (org.isNullAt(0)) {
        return Optional.empty();
      }
      String message =
          String.format(
              Locale.ROOT,
              "%d row(s) of org %s share %d key(s) of (%s), e.g. %s",
              org.getLong(2),
              org.getString(0),
              org.getLong(1),
              String.join(",", spec.columns()),
              org.getString(3));
      found.add(
          new ConstraintOutcome(
              table,
              org.getString(0),
              failed.name(),
              "unique(" + String.join(",", spec.columns()) + ") per org",
              spec.level(),
              "failure",
              message,
              (double) org.getLong(1)));
    }
    return found.isEmpty() ? Optional.empty() : Optional.of(found);
  }

  /**
   * The orgs whose rows have no match in the reference table (referential integrity); empty when
   * the checked columns do not include {@code org_id}.
   */
  public static Optional<List<ConstraintOutcome>> attributeReferences(
      String table, Dataset<Row> rows, Failed failed, Dataset<Row> reference) {
    CheckSpec spec = failed.spec();
    int org = spec.columns().indexOf(ORG);
    if (org < 0) {
      return Optional.empty();
    }
    Column matches = lit(true);
    Dataset<Row> keys =
        reference
            .select(spec.referenceColumns().stream().map(c -> col(c)).toArray(Column[]::new))
            .distinct();
    for (int i = 0; i < spec.columns().size(); i++) {
      matches =
          matches.and(
              rows.col(spec.columns().get(i)).eqNullSafe(keys.col(spec.referenceColumns().get(i))));
    }
    Column[] rest =
        spec.columns().stream()
            .filter(c -> !c.equals(ORG))
            .map(c -> rows.col(c).cast(DataTypes.StringType))
            .toArray(Column[]::new);
    List<Row> perOrg =
        rows.join(keys, matches, "left_anti")
            .groupBy(col(ORG))
            .agg(count(lit(1)).as("_rows"), min(concat_ws("|", rest)).as("_example"))
            .orderBy(ORG)
            .collectAsList();
    List<ConstraintOutcome> found = new ArrayList<>();
    for (Row r : perOrg) {
      if (r.isNullAt(0)) {
        return Optional.empty();
      }
      String message =
          r.getLong(1)
              + " row(s) of org "
              + r.getString(0)
              + " have no match in "
              + spec.reference()
              + spec.referenceColumns()
              + ", e.g. "
              + r.getString(2);
      found.add(
          new ConstraintOutcome(
              table,
              r.getString(0),
              failed.name(),
              "references " + spec.reference() + " per org",
              spec.level(),
              "failure",
              message,
              (double) r.getLong(1)));
    }
    return found.isEmpty() ? Optional.empty() : Optional.of(found);
  }
}

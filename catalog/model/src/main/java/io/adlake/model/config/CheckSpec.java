package io.adlake.model.config;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One quality check on a table, as written in {@code conf/quality.yaml}. Every kind uses the fields
 * it needs and refuses the ones it does not, so a misplaced key is an error rather than a silently
 * ignored setting.
 *
 * <ul>
 *   <li>{@code complete}: no nulls in any of {@code columns}
 *   <li>{@code unique}: {@code columns} unique together (the table's grain is always checked
 *       without being listed)
 *   <li>{@code non_negative}: no value below zero in any of {@code columns} (nulls pass)
 *   <li>{@code allowed_values}: {@code columns} hold only {@code values} (nulls pass)
 *   <li>{@code known_org}: every {@code org_id} is in the org registry
 *   <li>{@code references}: every value of {@code columns} exists in {@code reference_columns} of
 *       table {@code reference}, read in the same run (referential integrity)
 *   <li>{@code anomaly}: a metric per org ({@code row_count}, or {@code sum} of one column; on the
 *       run's day of {@code date_column} when given) judged against that org's history in {@code
 *       ops.quality_metrics}, by {@code strategy} {@code rate_of_change} (new / previous within
 *       [{@code max_decrease}, {@code max_increase}]) or {@code band} (within {@code deviations}
 *       standard deviations of the history, once there are {@code min_history} points)
 * </ul>
 *
 * @param level {@code error} (a failure stops the publish) or {@code warning} (recorded, reported,
 *     publish goes on)
 */
public record CheckSpec(
    String check,
    List<String> columns,
    List<String> values,
    String reference,
    List<String> referenceColumns,
    String metric,
    String dateColumn,
    String strategy,
    Double maxDecrease,
    Double maxIncrease,
    Double deviations,
    Integer minHistory,
    String level) {

  public static final List<String> KINDS =
      List.of(
          "complete",
          "unique",
          "non_negative",
          "allowed_values",
          "known_org",
          "references",
          "anomaly");

  public CheckSpec {
    if (check == null || !KINDS.contains(check)) {
      throw new IllegalArgumentException("check must be one of " + KINDS + ", was '" + check + "'");
    }
    columns = columns == null ? List.of() : List.copyOf(columns);
    values = values == null ? List.of() : List.copyOf(values);
    referenceColumns = referenceColumns == null ? List.of() : List.copyOf(referenceColumns);
    level = level == null ? "error" : level;
    if (!level.equals("error") && !level.equals("warning")) {
      throw new IllegalArgumentException(
          check + ": level must be error or warning, was '" + level + "'");
    }
    switch (check) {
      case "complete", "unique", "non_negative" -> {
        need(check, "columns", !columns.isEmpty());
        refuse(
            check,
            Set.of("values", "reference", "metric", "strategy"),
            values,
            reference,
            metric,
            strategy);
      }
      case "allowed_values" -> {
        need(check, "columns", !columns.isEmpty());
        need(check, "values", !values.isEmpty());
        refuse(check, Set.of("reference", "metric", "strategy"), reference, metric, strategy);
      }
      case "known_org" -> {
        if (!columns.isEmpty() || !values.isEmpty()) {
          throw new IllegalArgumentException(
              "known_org checks org_id against the registry; it takes no columns or values");
        }
        columns = List.of("org_id");
      }
      case "references" -> {
        need(check, "columns", !columns.isEmpty());
        need(check, "reference", reference != null && !reference.isBlank());
        if (referenceColumns.isEmpty()) {
          referenceColumns = columns;
        }
        if (referenceColumns.size() != columns.size()) {
          throw new IllegalArgumentException(
              "references: "
                  + columns.size()
                  + " column(s) "
                  + columns
                  + " but "
                  + referenceColumns.size()
                  + " reference_columns "
                  + referenceColumns);
        }
      }
      case "anomaly" -> {
        need(check, "metric", metric != null);
        if (!metric.equals("row_count") && !metric.equals("sum")) {
          throw new IllegalArgumentException(
              "anomaly: metric must be row_count or sum, was '" + metric + "'");
        }
        if (metric.equals("sum") != (columns.size() == 1)) {
          throw new IllegalArgumentException(
              "anomaly: metric sum takes exactly one column, row_count none; columns were "
                  + columns);
        }
        strategy = strategy == null ? "rate_of_change" : strategy;
        switch (strategy) {
          case "rate_of_change" -> {
            need(check, "max_decrease or max_increase", maxDecrease != null || maxIncrease != null);
            if (maxDecrease != null && (maxDecrease < 0 || maxDecrease > 1)) {
              throw new IllegalArgumentException(
                  "anomaly: max_decrease is the lowest allowed new/previous ratio, between 0 and 1; was "
                      + maxDecrease);
            }
            if (maxIncrease != null && maxIncrease < 1) {
              throw new IllegalArgumentException(
                  "anomaly: max_increase is the highest allowed new/previous ratio, at least 1; was "
                      + maxIncrease);
            }
          }
          case "band" -> {
            deviations = deviations == null ? 3.0 : deviations;
            minHistory = minHistory == null ? 5 : minHistory;
            if (deviations <= 0 || minHistory < 2) {
              throw new IllegalArgumentException(
                  "anomaly: band needs deviations > 0 and min_history >= 2; were "
                      + deviations
                      + ", "
                      + minHistory);
            }
          }
          default ->
              throw new IllegalArgumentException(
                  "anomaly: strategy must be rate_of_change or band, was '" + strategy + "'");
        }
      }
      default -> throw new IllegalStateException(check);
    }
  }

  /**
   * Uniqueness of these columns together: how a table's grain is checked without being configured.
   */
  public static CheckSpec unique(List<String> columns, String level) {
    return new CheckSpec(
        "unique", columns, null, null, null, null, null, null, null, null, null, null, level);
  }

  public boolean isError() {
    return level.equals("error");
  }

  /**
   * A short readable name: the kind and what it looks at, e.g. {@code
   * non_negative(impressions,clicks)}.
   */
  public String describe() {
    String target =
        check.equals("anomaly")
            ? metric + (columns.isEmpty() ? "" : ":" + columns.get(0)) + "," + strategy
            : String.join(",", columns);
    return check + "(" + target + (reference == null ? "" : " -> " + reference) + ")";
  }

  private static void need(String check, String field, boolean present) {
    if (!present) {
      throw new IllegalArgumentException(check + ": " + field + " is required");
    }
  }

  private static void refuse(String check, Set<String> names, Object... values) {
    for (Object value : values) {
      boolean given = value instanceof List<?> list ? !list.isEmpty() : value != null;
      if (given) {
        throw new IllegalArgumentException(check + " takes none of " + new TreeSet<>(names));
      }
    }
  }
}

package io.adlake.jobs.alerts;

import static org.apache.spark.sql.functions.col;

import io.adlake.transforms.alerts.AlertLifecycle;
import java.io.PrintWriter;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What an alerts run left: the alerts opened on its date, those still open from before, those it
 * resolved, and the rules it did not evaluate, with why.
 */
public record AlertsReport(
    LocalDate asOf,
    Instant at,
    int evaluations,
    List<Row> opened,
    List<Row> stillOpen,
    List<Row> resolved,
    List<String> skipped) {

  public AlertsReport {
    opened = List.copyOf(opened);
    stillOpen = List.copyOf(stillOpen);
    resolved = List.copyOf(resolved);
    skipped = List.copyOf(skipped);
  }

  static AlertsReport of(
      Dataset<Row> alerts, LocalDate asOf, Instant at, int evaluations, List<String> skipped) {
    Date day = Date.valueOf(asOf);
    Dataset<Row> active =
        alerts
            .filter(col("status").isin(AlertLifecycle.OPEN, AlertLifecycle.ACKNOWLEDGED))
            .orderBy(
                col("org_id"), AlertLifecycle.severityRank(), col("rule_id"), col("entity_id"));
    return new AlertsReport(
        asOf,
        at,
        evaluations,
        active.filter(col("first_seen_date").equalTo(day)).collectAsList(),
        active.filter(col("first_seen_date").lt(day)).collectAsList(),
        alerts
            .filter(
                col("status")
                    .equalTo(AlertLifecycle.RESOLVED)
                    .and(col("resolved_date").equalTo(day)))
            .orderBy("org_id", "rule_id", "entity_id")
            .collectAsList(),
        skipped);
  }

  public void print(PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%nAlerts as of %s (%d rule evaluation(s)): %d new, %d still open, %d resolved%n",
        asOf,
        evaluations,
        opened.size(),
        stillOpen.size(),
        resolved.size());
    String format = "  %-8s %-12s %-6s %-26s %-16s %-30s %-24s %s%n";
    out.printf(
        Locale.ROOT,
        format,
        "",
        "org",
        "sev",
        "rule",
        "entity type",
        "entity",
        "proposed action",
        "values");
    print(out, format, "new", opened);
    print(out, format, "open", stillOpen);
    print(out, format, "resolved", resolved);
    skipped.forEach(s -> out.println("  not evaluated: " + s));
  }

  private static void print(PrintWriter out, String format, String label, List<Row> rows) {
    for (Row r : rows) {
      String action = r.getAs("proposed_action");
      out.printf(
          Locale.ROOT,
          format,
          label,
          r.getAs("org_id"),
          r.getAs("severity"),
          r.getAs("rule_id"),
          r.getAs("entity_type"),
          cut(
              r.getAs("platform") == null
                  ? r.getAs("entity_id")
                  : r.getAs("platform") + ":" + r.getAs("entity_id"),
              30),
          action == null ? "-" : action,
          r.getJavaMap(r.fieldIndex("observed")));
    }
  }

  private static String cut(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }
}

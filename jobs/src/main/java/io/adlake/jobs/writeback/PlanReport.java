package io.adlake.jobs.writeback;

import io.adlake.transforms.writeback.WritebackActions;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.apache.spark.sql.Row;

/**
 * What a plan did: the actions it recorded, superseded or withdrew; the proposals write-back cannot make, with
 * why; and every action now waiting for a decision or an execute.
 */
public record PlanReport(List<Row> changed, List<Row> blocked, List<Row> pending, Map<String, BigDecimal> thresholds) {

  public PlanReport {
    changed = List.copyOf(changed);
    blocked = List.copyOf(blocked);
    pending = List.copyOf(pending);
    thresholds = Map.copyOf(thresholds);
  }

  public long count(String status) {
    return changed.stream().filter(r -> status.equals(r.getAs("status"))).count();
  }

  public void print(PrintStream out) {
    out.printf(
        Locale.ROOT, "%nWrite-back plan: %d new, %d superseded, %d withdrawn; %d pending (proposed or approved), %d not actionable%n",
        count(WritebackActions.PROPOSED), count(WritebackActions.SUPERSEDED), count(WritebackActions.WITHDRAWN), pending.size(), blocked.size());
    String format = "  %-24s %-12s %-9s %-22s %-44s %-9s %s%n";
    out.printf(Locale.ROOT, format, "action", "org", "platform", "entity", "change", "status", "approval");
    for (Row r : pending) {
      out.printf(
          Locale.ROOT, format, r.getAs("action_id"), r.getAs("org_id"), r.getAs("platform"), r.getAs("entity_type") + " " + r.getAs("entity_id"),
          WritebackLedger.describeChange(r), r.getAs("status"), approval(r, thresholds.get(r.<String>getAs("org_id"))));
    }
    for (Row r : blocked) {
      out.printf(Locale.ROOT, "  not actionable: %s %s %s %s (rule %s): %s%n", r.getAs("org_id"), r.getAs("platform"), r.getAs("entity_type"), r.getAs("entity_id"), r.getAs("rule_id"), r.getAs("blocked_reason"));
    }
  }

  private static String approval(Row r, BigDecimal current) {
    if (r.getAs("decided_by") != null) {
      return "approved by " + r.getAs("decided_by");
    }
    BigDecimal threshold = current == null ? r.getAs("approval_threshold") : WritebackDecisions.threshold(r, current);
    return threshold == null || WritebackDecisions.needsSecondPerson(r, threshold)
        ? "needs someone other than " + r.getAs("requested_by") + " (above " + (threshold == null ? "?" : threshold.toPlainString()) + " " + r.getAs("reporting_currency") + ")"
        : "anyone, " + r.getAs("requested_by") + " included";
  }
}

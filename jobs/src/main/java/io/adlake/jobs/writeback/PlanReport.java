package io.adlake.jobs.writeback;

import io.adlake.transforms.writeback.ActionStatus;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * What a plan did: the actions it recorded, superseded or withdrew; the proposals write-back cannot
 * make, with why; and every action now waiting for a decision or an execute.
 */
public record PlanReport(
    List<WritebackAction> changed,
    List<Blocked> blocked,
    List<WritebackAction> pending,
    Map<String, BigDecimal> thresholds) {

  /**
   * A proposal write-back cannot make, and why (a row of the plan's proposals with a
   * blocked_reason).
   */
  public record Blocked(
      String orgId,
      String platform,
      String entityType,
      String entityId,
      String ruleId,
      String reason) {
    static Blocked fromProposal(Row r) {
      return new Blocked(
          r.getAs("org_id"),
          r.getAs("platform"),
          r.getAs("entity_type"),
          r.getAs("entity_id"),
          r.getAs("rule_id"),
          r.getAs("blocked_reason"));
    }
  }

  public PlanReport {
    changed = List.copyOf(changed);
    blocked = List.copyOf(blocked);
    pending = List.copyOf(pending);
    thresholds = Map.copyOf(thresholds);
  }

  public long count(ActionStatus status) {
    return changed.stream().filter(a -> a.status() == status).count();
  }

  public void print(PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%nWrite-back plan: %d new, %d superseded, %d withdrawn; %d pending (proposed or approved), %d not actionable%n",
        count(ActionStatus.PROPOSED),
        count(ActionStatus.SUPERSEDED),
        count(ActionStatus.WITHDRAWN),
        pending.size(),
        blocked.size());
    String format = "  %-24s %-12s %-9s %-22s %-44s %-9s %s%n";
    out.printf(
        Locale.ROOT, format, "action", "org", "platform", "entity", "change", "status", "approval");
    for (WritebackAction a : pending) {
      WritebackAction.Target t = a.target();
      out.printf(
          Locale.ROOT,
          format,
          a.actionId(),
          t.orgId(),
          t.platform().code(),
          t.entityType() + " " + t.entityId(),
          a.describeChange(),
          a.status().code(),
          approval(a, thresholds.get(t.orgId())));
    }
    for (Blocked b : blocked) {
      out.printf(
          Locale.ROOT,
          "  not actionable: %s %s %s %s (rule %s): %s%n",
          b.orgId(),
          b.platform(),
          b.entityType(),
          b.entityId(),
          b.ruleId(),
          b.reason());
    }
  }

  private static String approval(WritebackAction a, BigDecimal current) {
    if (a.decision().by() != null) {
      return "approved by " + a.decision().by();
    }
    BigDecimal threshold = WritebackDecisions.threshold(a, current);
    String requester = a.proposal().requestedBy();
    return threshold == null || WritebackDecisions.needsSecondPerson(a, threshold)
        ? "needs someone other than "
            + requester
            + " (above "
            + (threshold == null ? "?" : threshold.toPlainString())
            + " "
            + a.proposal().reportingCurrency()
            + ")"
        : "anyone, " + requester + " included";
  }
}

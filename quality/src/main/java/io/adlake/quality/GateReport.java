package io.adlake.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of one gate (one layer of one run): every constraint, whether the run may publish,
 * and which orgs are held. An error-level failure of the whole table stops the run; one attributed
 * to an org holds that org only.
 */
public record GateReport(
    String runId, String layer, List<ConstraintOutcome> outcomes, List<MetricPoint> metrics) {

  public GateReport {
    outcomes = List.copyOf(outcomes);
    metrics = List.copyOf(metrics);
  }

  /** No table-wide error: the run goes on (held orgs aside). */
  public boolean passed() {
    return outcomes.stream().noneMatch(ConstraintOutcome::blocksPublish);
  }

  /** Table-wide errors: what stops the run. */
  public List<ConstraintOutcome> errors() {
    return outcomes.stream().filter(ConstraintOutcome::blocksPublish).toList();
  }

  /** Each held org (sorted) with the error-level failures of its rows. */
  public Map<String, List<ConstraintOutcome>> heldOrgs() {
    Map<String, List<ConstraintOutcome>> held = new TreeMap<>();
    outcomes.stream()
        .filter(ConstraintOutcome::holdsOrg)
        .forEach(o -> held.computeIfAbsent(o.orgId(), k -> new ArrayList<>()).add(o));
    return held;
  }

  public long warnings() {
    return outcomes.stream().filter(o -> o.failed() && !o.level().equals("error")).count();
  }

  /** One line: what failed, for the ledger and the exit message. */
  public String summary() {
    Map<String, List<ConstraintOutcome>> held = heldOrgs();
    String holds =
        held.isEmpty()
            ? ""
            : "; held "
                + held.size()
                + " org(s): "
                + describe(held.values().stream().map(l -> l.get(0)).toList());
    if (passed()) {
      return layer
          + " gate passed: "
          + outcomes.size()
          + " constraint(s), "
          + warnings()
          + " warning(s)"
          + holds;
    }
    return layer + " gate failed: " + describe(errors()) + holds;
  }

  private static String describe(List<ConstraintOutcome> failures) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(3, failures.size()); i++) {
      ConstraintOutcome e = failures.get(i);
      out.append(i == 0 ? "" : "; ").append(e.table()).append(' ').append(e.check());
      if (!e.orgId().equals(ConstraintOutcome.ALL_ORGS)) {
        out.append(" [").append(e.orgId()).append(']');
      }
      out.append(": ").append(e.message());
    }
    if (failures.size() > 3) {
      out.append("; and ").append(failures.size() - 3).append(" more");
    }
    return out.toString();
  }
}

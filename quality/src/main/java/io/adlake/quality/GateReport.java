package io.adlake.quality;

import java.util.List;

/** The outcome of one gate (one layer of one run): every constraint, and whether the run may publish. */
public record GateReport(String runId, String layer, List<ConstraintOutcome> outcomes, List<MetricPoint> metrics) {

  public GateReport {
    outcomes = List.copyOf(outcomes);
    metrics = List.copyOf(metrics);
  }

  public boolean passed() {
    return outcomes.stream().noneMatch(ConstraintOutcome::blocksPublish);
  }

  public List<ConstraintOutcome> errors() {
    return outcomes.stream().filter(ConstraintOutcome::blocksPublish).toList();
  }

  public long warnings() {
    return outcomes.stream().filter(o -> o.failed() && !o.blocksPublish()).count();
  }

  /** One line: what failed, for the ledger and the exit message. */
  public String summary() {
    if (passed()) {
      return layer + " gate passed: " + outcomes.size() + " constraint(s), " + warnings() + " warning(s)";
    }
    StringBuilder out = new StringBuilder(layer + " gate failed: ");
    List<ConstraintOutcome> errors = errors();
    for (int i = 0; i < Math.min(3, errors.size()); i++) {
      ConstraintOutcome e = errors.get(i);
      out.append(i == 0 ? "" : "; ").append(e.table()).append(' ').append(e.check());
      if (!e.orgId().equals(ConstraintOutcome.ALL_ORGS)) {
        out.append(" [").append(e.orgId()).append(']');
      }
      out.append(": ").append(e.message());
    }
    if (errors.size() > 3) {
      out.append("; and ").append(errors.size() - 3).append(" more");
    }
    return out.toString();
  }
}

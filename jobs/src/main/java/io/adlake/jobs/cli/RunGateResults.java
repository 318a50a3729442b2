package io.adlake.jobs.cli;

import java.util.List;

/**
 * What {@code adlake quality report} prints of one run: every check of its gates, and the orgs it
 * held.
 */
record RunGateResults(String runId, List<GateCheck> checks, List<HeldOrg> held) {

  RunGateResults {
    checks = List.copyOf(checks);
    held = List.copyOf(held);
  }

  long failed() {
    return checks.stream().filter(c -> c.outcome().failed()).count();
  }

  /** An error-level check of a whole table failed: the run published nothing. */
  boolean blocksPublish() {
    return checks.stream().anyMatch(c -> c.outcome().blocksPublish());
  }
}

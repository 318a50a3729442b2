package io.adlake.jobs.run;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The steps of a run after ingest, in order. Each can run in a process of its own (one Airflow task
 * each): a step reads the attempt's state from {@code ops.job_runs}, does its work on the run's
 * branch and appends the new state. Only {@link #SILVER} begins an attempt; the others continue the
 * newest attempt of the same dates.
 */
public enum RunStep {
  /**
   * Begins a new attempt on a fresh branch (or finds the run published) and builds silver there.
   */
  SILVER(RunStatus.SILVER_BUILT),
  SILVER_GATE(RunStatus.SILVER_PASSED),
  GOLD(RunStatus.GOLD_BUILT),
  GOLD_GATE(RunStatus.GOLD_PASSED),
  PUBLISH(RunStatus.PUBLISHED);

  private final RunStatus reaches;

  RunStep(RunStatus reaches) {
    this.reaches = reaches;
  }

  /** The attempt's status once this step has done its work. */
  public RunStatus reaches() {
    return reaches;
  }

  /**
   * As on the command line and in the ledger's {@code step} column: silver, silver-gate, gold,
   * gold-gate, publish.
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static RunStep of(String id) {
    for (RunStep step : values()) {
      if (step.id().equals(id)) {
        return step;
      }
    }
    throw new IllegalArgumentException(
        "unknown run step '"
            + id
            + "'; expected one of "
            + Arrays.stream(values()).map(RunStep::id).collect(Collectors.joining(", ")));
  }
}

package io.adlake.jobs.run;

/** How a pipeline run ended; the ledger's {@code status}. */
public enum RunStatus {
  /** Gates passed and main now shows the run. */
  PUBLISHED,
  /** The same run (same dates, same inputs, same configuration) was published before: nothing was done. */
  ALREADY_PUBLISHED,
  /** An error-level check failed: main untouched, the branch kept for inspection. */
  GATE_FAILED,
  /** Main changed under a table the run wrote: nothing published, the branch kept; rerun the date. */
  MAIN_MOVED,
  /** Main changed while publishing on the embedded catalog: some tables published; rerun the date. */
  PARTIALLY_PUBLISHED;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

package io.adlake.jobs.run;

import java.util.Locale;

/**
 * Where an attempt of a pipeline run stands; the ledger's {@code status}. The first four are
 * reached on the way and a later step continues from them; the others end the attempt (only a new
 * attempt, begun by the silver step, goes on from there).
 */
public enum RunStatus {
  /** Silver is built on the run's branch. */
  SILVER_BUILT,
  /** The silver gate passed. */
  SILVER_PASSED,
  /** Gold is built on the branch, from the gated silver. */
  GOLD_BUILT,
  /** The gold gate passed: the branch may be published. */
  GOLD_PASSED,
  /** Gates passed and main now shows the run. */
  PUBLISHED,
  /**
   * The same run (same dates, same inputs, same configuration) was published before: nothing was
   * done.
   */
  ALREADY_PUBLISHED,
  /** An error-level check failed: main untouched, the branch kept for inspection. */
  GATE_FAILED,
  /**
   * Main changed under a table the run wrote: nothing published, the branch kept; rerun the date.
   */
  MAIN_MOVED,
  /**
   * Main changed while publishing on the embedded catalog: some tables published; rerun the date.
   */
  PARTIALLY_PUBLISHED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RunStatus of(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }

  /** Whether the attempt ended here; a step after this one has nothing to continue. */
  public boolean ended() {
    return ordinal() >= PUBLISHED.ordinal();
  }

  /**
   * Whether another writer changed main under the run's tables: a new attempt on the new main can
   * publish.
   */
  public boolean mainMoved() {
    return this == MAIN_MOVED || this == PARTIALLY_PUBLISHED;
  }

  /** Whether the run's data is on main (now or from an earlier attempt). */
  public boolean published() {
    return this == PUBLISHED || this == ALREADY_PUBLISHED;
  }
}

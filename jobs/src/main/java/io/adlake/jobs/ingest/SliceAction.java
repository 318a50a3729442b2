package io.adlake.jobs.ingest;

/**
 * What an ingest does with a delivered slice; recorded per file in the manifest's {@code action}
 * column.
 */
public enum SliceAction {
  /** First delivery of the slice. */
  NEW("new"),
  /** The slice was delivered before with different content: its rows are replaced. */
  RESTATEMENT("restatement"),
  /** Exactly the files already ingested for the slice: nothing is written. */
  SKIPPED_DUPLICATE("skipped_duplicate"),
  /** Not ingested, with a reason (unknown org, source not enabled for the org). */
  REJECTED("rejected"),
  /**
   * Another ingest batch holds the slice and is writing it ({@code ops.ingest_claims}): this batch
   * leaves it to that one. Not a failure; the reason names the batch.
   */
  CLAIMED_ELSEWHERE("claimed_elsewhere");

  private final String code;

  SliceAction(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public boolean writes() {
    return this == NEW || this == RESTATEMENT;
  }
}

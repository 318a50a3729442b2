package io.adlake.jobs.writeback;

/** An approval or rejection the rules do not allow: self-approval above the threshold, or a decided action. */
public class DecisionRefused extends RuntimeException {
  public DecisionRefused(String message) {
    super(message);
  }
}

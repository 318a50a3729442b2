package io.adlake.jobs.writeback;

/**
 * A write-back step the rules do not allow: self-approval above the threshold, a decided action, or
 * acting for someone else without being a delegator ({@link ImpersonationRefused}).
 */
public class DecisionRefused extends RuntimeException {
  public DecisionRefused(String message) {
    super(message);
  }
}

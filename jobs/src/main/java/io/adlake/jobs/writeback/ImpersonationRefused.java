package io.adlake.jobs.writeback;

/**
 * A principal asked to act for someone else without being one of conf/writeback.yaml's {@code
 * delegators}.
 */
public final class ImpersonationRefused extends DecisionRefused {
  private final String authenticatedAs;
  private final String claimed;

  ImpersonationRefused(String authenticatedAs, String claimed, String message) {
    super(message);
    this.authenticatedAs = authenticatedAs;
    this.claimed = claimed;
  }

  public String authenticatedAs() {
    return authenticatedAs;
  }

  public String claimed() {
    return claimed;
  }
}

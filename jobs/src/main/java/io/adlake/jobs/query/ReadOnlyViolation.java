package io.adlake.jobs.query;

/**
 * A statement refused because it would change the lakehouse or the session, where only reading is
 * allowed.
 */
public final class ReadOnlyViolation extends RuntimeException {
  public ReadOnlyViolation(String message) {
    super(message);
  }
}

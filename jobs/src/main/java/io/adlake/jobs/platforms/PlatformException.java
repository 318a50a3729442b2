package io.adlake.jobs.platforms;

/** A platform call that failed for good (after retries, or at once for an error retrying cannot fix). */
public final class PlatformException extends RuntimeException {
  private final int status;

  public PlatformException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status of the last answer, or 0 when there was none (the connection failed). */
  public int status() {
    return status;
  }
}

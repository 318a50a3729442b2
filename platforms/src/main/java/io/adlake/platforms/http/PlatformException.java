package io.adlake.platforms.http;

/**
 * A platform call that failed for good (after retries, or at once for an error retrying cannot
 * fix).
 */
public final class PlatformException extends RuntimeException {
  private final int status;
  private final boolean credentialsRefused;
  private final boolean requestRefused;

  public PlatformException(String message, int status, Throwable cause) {
    this(message, status, cause, false);
  }

  public PlatformException(
      String message, int status, Throwable cause, boolean credentialsRefused) {
    this(message, status, cause, credentialsRefused, false);
  }

  public PlatformException(
      String message,
      int status,
      Throwable cause,
      boolean credentialsRefused,
      boolean requestRefused) {
    super(message, cause);
    this.status = status;
    this.credentialsRefused = credentialsRefused;
    this.requestRefused = requestRefused;
  }

  /**
   * The platform refused the request as sent (a switched-off API version, a value it does not
   * define): the same request fails on every try; the message says what to change.
   */
  public boolean requestRefused() {
    return requestRefused;
  }

  /**
   * The platform refused the credentials (expired, revoked, not allowed): a person must renew them;
   * retrying cannot help.
   */
  public boolean credentialsRefused() {
    return credentialsRefused;
  }

  /** The HTTP status of the last answer, or 0 when there was none (the connection failed). */
  public int status() {
    return status;
  }
}

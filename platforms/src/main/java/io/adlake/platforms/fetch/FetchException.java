package io.adlake.platforms.fetch;

/**
 * Why one org's report of one source could not be fetched. The message names the org, source and
 * dates; the kind says whether a later try can help ({@link Kind#CREDENTIALS} cannot: a person must
 * renew them).
 */
public final class FetchException extends RuntimeException {

  public enum Kind {
    /** Expired, revoked or unauthorised credentials. */
    CREDENTIALS,
    /** The platform said the report failed, or answered with errors after every retry. */
    PLATFORM,
    /**
     * The platform refused the request itself: an API version it has switched off (or that is past
     * its sunset in adlake's version calendar), a field or value it does not define. The same
     * request fails on every try; the message names what to change.
     */
    REFUSED,
    /** The report was not ready within the source's timeout. */
    TIMEOUT,
    /** The download was cut short or does not match its checksum. */
    TRUNCATED,
    /** The report came back empty for a day whose earlier delivery had rows. */
    EMPTY
  }

  private final Kind kind;

  public FetchException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}

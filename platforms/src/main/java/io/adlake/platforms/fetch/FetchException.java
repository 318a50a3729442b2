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

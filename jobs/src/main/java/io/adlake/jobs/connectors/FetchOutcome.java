package io.adlake.jobs.connectors;

import io.adlake.model.Source;
import java.time.LocalDate;
import java.util.Map;

/**
 * What one org's fetch of one source did: per file fetched (by the name it lands under), new,
 * restated or unchanged; or why it failed ({@code failure} null when it did not).
 *
 * @param files the files fetched before the end or the failure, new, restated or unchanged
 * @param failure the kind of failure, or null; a configuration problem of the org is {@code
 *     CONFIGURATION}. When a source is fetched from several platforms (setup), the one a retry can
 *     help wins, then configuration
 * @param message every failure's reason, each naming its platform, org and dates
 */
public record FetchOutcome(
    String org,
    Source source,
    LocalDate first,
    LocalDate last,
    Map<String, LandingDrop.Result> files,
    Failure failure,
    String message) {

  /** Why an org's fetch failed, as the exit code tells it apart. */
  public enum Failure {
    /** Credentials expired, revoked or missing: a person must act. */
    CREDENTIALS,
    /** The org's entry in conf/connectors.yaml is incomplete. */
    CONFIGURATION,
    /**
     * The platform refused the request itself, or its API version is past its sunset: a setting or
     * adlake must change; retrying cannot help.
     */
    REFUSED,
    /**
     * The platform failed, timed out, cut the download or returned an empty day: a later try may
     * work.
     */
    TRANSIENT
  }

  public FetchOutcome {
    files = Map.copyOf(files);
  }

  public boolean ok() {
    return failure == null;
  }

  long count(LandingDrop.Result result) {
    return files.values().stream().filter(result::equals).count();
  }
}

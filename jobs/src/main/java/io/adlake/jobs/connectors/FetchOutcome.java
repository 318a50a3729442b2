package io.adlake.jobs.connectors;

import io.adlake.model.Source;
import java.time.LocalDate;
import java.util.Map;

/**
 * What one org's fetch of one source did: per report day dropped, new, restated or unchanged; or why it failed
 * ({@code failure} null when it did not).
 *
 * @param failure the kind of failure, or null; a configuration problem of the org is {@code CONFIGURATION}
 */
public record FetchOutcome(String org, Source source, LocalDate first, LocalDate last, Map<LocalDate, LandingDrop.Result> days, Failure failure, String message) {

  /** Why an org's fetch failed, as the exit code tells it apart. */
  public enum Failure {
    /** Credentials expired, revoked or missing: a person must act. */
    CREDENTIALS,
    /** The org's entry in conf/connectors.yaml is incomplete. */
    CONFIGURATION,
    /** The platform failed, timed out, cut the download or returned an empty day: a later try may work. */
    TRANSIENT
  }

  public FetchOutcome {
    days = Map.copyOf(days);
  }

  public boolean ok() {
    return failure == null;
  }

  long count(LandingDrop.Result result) {
    return days.values().stream().filter(result::equals).count();
  }
}

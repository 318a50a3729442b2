package io.adlake.platforms.versions;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One API or file-format version adlake's calls pin, a row of the version calendar: what it is, the
 * day the platform stops answering it (empty: none announced), where that date comes from, and the
 * setting that changes it.
 *
 * @param api what is versioned ({@code Ad Manager SOAP API}, {@code Structured Data Files})
 * @param version the version in use
 * @param known whether adlake knows this version at all; an unknown one is refused, since nothing
 *     says the platform still answers it
 * @param sunset the day the platform stops answering it; empty when none is announced
 * @param source the page or package the date (or the absence of one) comes from
 * @param setting where the version is set: a conf/ key, or the adlake constant for versions the
 *     code pins
 */
public record PinnedVersion(
    String api,
    String version,
    boolean known,
    Optional<LocalDate> sunset,
    String source,
    String setting) {

  /** From this many days before its sunset, a version is reported as ending. */
  public static final int WARNING_DAYS = 60;

  public enum Status {
    /** Answered, with no sunset within {@link #WARNING_DAYS}. */
    CURRENT,
    /** Answered for at most {@link #WARNING_DAYS} more days: fetches warn. */
    ENDING,
    /** Past its sunset: fetches refuse it before sending anything. */
    PAST,
    /** A version adlake has no record of: refused like one past its sunset. */
    UNKNOWN
  }

  public Status status(LocalDate today) {
    if (!known) {
      return Status.UNKNOWN;
    }
    if (sunset.isEmpty()) {
      return Status.CURRENT;
    }
    if (!today.isBefore(sunset.get())) {
      return Status.PAST;
    }
    return daysLeft(today).orElseThrow() <= WARNING_DAYS ? Status.ENDING : Status.CURRENT;
  }

  /** Days from today to the sunset; empty when none is announced. */
  public Optional<Long> daysLeft(LocalDate today) {
    return sunset.map(day -> ChronoUnit.DAYS.between(today, day));
  }

  /** Whether a call may use it today: not past its sunset and known. */
  public boolean callable(LocalDate today) {
    Status status = status(today);
    return status == Status.CURRENT || status == Status.ENDING;
  }

  /** What to tell an operator today; empty when the version is current. */
  public Optional<String> notice(LocalDate today) {
    return switch (status(today)) {
      case CURRENT -> Optional.empty();
      case ENDING ->
          Optional.of(
              api
                  + " "
                  + version
                  + " stops on "
                  + sunset.orElseThrow()
                  + " ("
                  + daysLeft(today).orElseThrow()
                  + " days; "
                  + source
                  + "): change "
                  + setting
                  + " before then");
      case PAST ->
          Optional.of(
              api
                  + " "
                  + version
                  + " was switched off on "
                  + sunset.orElseThrow()
                  + " ("
                  + source
                  + "): change "
                  + setting);
      case UNKNOWN ->
          Optional.of(
              api
                  + " "
                  + version
                  + " is not a version adlake knows ("
                  + source
                  + "): change "
                  + setting);
    };
  }
}

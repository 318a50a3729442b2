package io.adlake.platforms.fetch;

import io.adlake.model.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits for a report a platform builds: looks, and while the look says "not yet", waits the
 * source's poll interval and looks again, until the report is ready or the source's timeout has
 * passed (then a {@link FetchException} of kind TIMEOUT naming what was awaited, for how long, and
 * the last state seen).
 */
public final class ReportPoll {
  private final Duration interval;
  private final Duration timeout;
  private final Clock clock;

  public ReportPoll(Duration interval, Duration timeout, Clock clock) {
    this.interval = interval;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** One look: the result when ready, else empty, and the state seen. */
  public record Look<T>(Optional<T> ready, String state) {}

  public <T> T until(String what, Supplier<Look<T>> look) {
    Instant deadline = clock.instant().plus(timeout);
    while (true) {
      Look<T> seen = look.get();
      Optional<T> ready = seen.ready();
      if (ready.isPresent()) {
        return ready.get();
      }
      if (!clock.instant().isBefore(deadline)) {
        throw new FetchException(
            FetchException.Kind.TIMEOUT,
            what
                + " was not ready after "
                + timeout.toSeconds()
                + " s (last state "
                + seen.state()
                + "); the next fetch asks again",
            null);
      }
      Backoff.sleep(interval);
    }
  }

  public static <T> Look<T> notYet(String state) {
    return new Look<>(Optional.empty(), state);
  }

  public static <T> Look<T> done(T value) {
    return new Look<>(Optional.of(value), "ready");
  }
}

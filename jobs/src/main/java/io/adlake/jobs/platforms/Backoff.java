package io.adlake.jobs.platforms;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before trying a remote service again: what its Retry-After asks (capped, a run must end), else
 * an exponential backoff with full jitter, so that many callers failing together do not retry in step.
 */
public final class Backoff {
  private Backoff() {}

  static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

  /** The wait after the {@code attempt}-th failure (1-based): at least what the server asked, if it asked. */
  public static Duration after(int attempt, Duration base, Duration cap, Optional<Duration> asked) {
    long exponential = Math.min(cap.toMillis(), base.toMillis() * (1L << Math.min(attempt - 1, 20)));
    long jittered = ThreadLocalRandom.current().nextLong(exponential + 1);
    long server = asked.map(d -> Math.min(d.toMillis(), MAX_RETRY_AFTER.toMillis())).orElse(0L);
    return Duration.ofMillis(Math.max(jittered, server));
  }

  /** An HTTP Retry-After header, in seconds or as an HTTP date. */
  public static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").flatMap(value -> {
      String v = value.trim();
      try {
        return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
      } catch (NumberFormatException notSeconds) {
        try {
          Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
          return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException notADate) {
          return Optional.empty();
        }
      }
    });
  }

  public static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry", e);
    }
  }
}

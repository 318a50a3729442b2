package io.adlake.model;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before trying again: what the other side asked (a platform's Retry-After,
 * capped: a run must end), else an exponential backoff with full jitter, so that many callers
 * failing together do not retry in step. Platform calls, notifications, a MERGE that lost a commit
 * race and a busy catalog database all wait by it.
 */
public final class Backoff {
  private Backoff() {}

  public static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

  /**
   * The wait after the {@code attempt}-th failure (1-based): at least what the server asked, if it
   * asked.
   */
  public static Duration after(int attempt, Duration base, Duration cap, Optional<Duration> asked) {
    long exponential =
        Math.min(cap.toMillis(), base.toMillis() * (1L << Math.min(attempt - 1, 20)));
    long jittered = ThreadLocalRandom.current().nextLong(exponential + 1);
    long server = asked.map(d -> Math.min(d.toMillis(), MAX_RETRY_AFTER.toMillis())).orElse(0L);
    return Duration.ofMillis(Math.max(jittered, server));
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

package io.adlake.jobs.notify;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends with retries: up to {@code attempts} tries, waiting between them an exponentially growing time with full
 * jitter (so many orgs' digests do not retry in step), capped at 30 s, or what the receiver's Retry-After asks if
 * that is longer (capped at 5 minutes: a run must end).
 */
public final class Delivery {
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

  /** How a delivery ended. */
  public record Outcome(boolean delivered, int attempts, String error) {}

  private final int attempts;
  private final long backoffMillis;

  public Delivery(int attempts, long backoffMillis) {
    this.attempts = attempts;
    this.backoffMillis = backoffMillis;
  }

  public Outcome send(NotificationChannel channel, Digest digest) {
    String error = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        channel.send(digest);
        return new Outcome(true, attempt, null);
      } catch (DeliveryException e) {
        error = e.getMessage();
        if (!e.retryable() || attempt == attempts) {
          return new Outcome(false, attempt, error);
        }
        long exponential = Math.min(MAX_BACKOFF.toMillis(), backoffMillis * (1L << Math.min(attempt - 1, 20)));
        long wait = ThreadLocalRandom.current().nextLong(exponential + 1);
        long asked = e.retryAfter().map(d -> Math.min(d.toMillis(), MAX_RETRY_AFTER.toMillis())).orElse(0L);
        sleep(Math.max(wait, asked));
      }
    }
    return new Outcome(false, attempts, error);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry a delivery", e);
    }
  }
}

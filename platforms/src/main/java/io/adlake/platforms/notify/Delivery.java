package io.adlake.platforms.notify;

import io.adlake.model.Backoff;
import java.time.Duration;

/**
 * Sends with retries: up to {@code attempts} tries, waiting between them as {@link Backoff} says
 * (exponential with full jitter, capped at 30 s, or the receiver's Retry-After if longer).
 */
public final class Delivery {
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

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
        Backoff.sleep(
            Backoff.after(attempt, Duration.ofMillis(backoffMillis), MAX_BACKOFF, e.retryAfter()));
      }
    }
    return new Outcome(false, attempts, error);
  }
}

package io.adlake.platforms.notify;

import java.time.Duration;
import java.util.Optional;

/**
 * A delivery that did not go through: whether trying again may help, and how long the receiver
 * asked us to wait.
 */
public final class DeliveryException extends Exception {
  private final boolean retryable;
  private final Duration retryAfter;

  public DeliveryException(
      String message, boolean retryable, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  public boolean retryable() {
    return retryable;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}

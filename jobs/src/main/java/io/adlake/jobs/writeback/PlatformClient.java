package io.adlake.jobs.writeback;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * HTTP to one platform's API, politely: requests at most one per {@code minInterval} (the platform's rate limit),
 * and retries of 429 and 5xx answers and broken connections up to {@code attempts} tries, waiting what Retry-After
 * asks (seconds or an HTTP date) or else an exponential backoff with full jitter, capped. Every change write-back
 * sends is absolute (status = paused, budget = 500.00), so sending one again after an answer got lost changes
 * nothing twice. Tokens go in headers, never in URLs, so messages and logs do not carry them.
 */
public final class PlatformClient {

  /** Retries and rate limit of one platform's client. */
  public record Policy(int attempts, Duration baseBackoff, Duration maxBackoff, Duration minInterval) {
    public Policy {
      if (attempts < 1 || attempts > 10) {
        throw new IllegalArgumentException("attempts must be between 1 and 10, was " + attempts);
      }
    }

    public static Policy defaults() {
      return new Policy(5, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMillis(250));
    }
  }

  static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

  private final String platform;
  private final Policy policy;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).build();
  private long nextSlotNanos;
  private int requests;

  public PlatformClient(String platform, Policy policy) {
    this.platform = platform;
    this.policy = policy;
  }

  /** Requests sent so far, retries included. */
  public synchronized int requests() {
    return requests;
  }

  /** Sends until a 2xx (returned), a 4xx other than 429 (thrown at once), or the attempts run out (thrown). */
  public HttpResponse<String> send(HttpRequest request, String what) {
    String last = null;
    int lastStatus = 0;
    for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
      waitForSlot();
      Optional<Duration> asked = Optional.empty();
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status / 100 == 2) {
          return response;
        }
        last = platform + " " + what + ": HTTP " + status + " " + abbreviate(response.body());
        lastStatus = status;
        if (status != 429 && status < 500) {
          throw new PlatformException(last, status, null);
        }
        asked = retryAfter(response);
      } catch (IOException e) {
        last = platform + " " + what + ": " + e.getClass().getSimpleName() + " " + e.getMessage();
        lastStatus = 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PlatformException(platform + " " + what + ": interrupted", 0, e);
      }
      if (attempt < policy.attempts()) {
        long cap = Math.min(policy.maxBackoff().toMillis(), policy.baseBackoff().toMillis() * (1L << Math.min(attempt - 1, 20)));
        long jittered = ThreadLocalRandom.current().nextLong(cap + 1);
        long wait = asked.map(d -> Math.min(d.toMillis(), MAX_RETRY_AFTER.toMillis())).map(d -> Math.max(d, jittered)).orElse(jittered);
        sleep(wait);
      }
    }
    throw new PlatformException(last + " (gave up after " + policy.attempts() + " attempts)", lastStatus, null);
  }

  private void waitForSlot() {
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long slot = Math.max(now, nextSlotNanos);
      nextSlotNanos = slot + policy.minInterval().toNanos();
      requests++;
      wait = slot - now;
    }
    if (wait > 0) {
      sleep(wait / 1_000_000);
    }
  }

  static Optional<Duration> retryAfter(HttpResponse<?> response) {
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

  private static String abbreviate(String body) {
    String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException("interrupted while waiting to call the platform", 0, e);
    }
  }
}

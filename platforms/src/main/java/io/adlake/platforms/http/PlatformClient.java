package io.adlake.platforms.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adlake.model.Backoff;
import io.adlake.model.config.RetrySettings;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP to one platform's API, politely: requests at most one per {@code minInterval} (the
 * platform's rate limit), and retries what the platform's {@link RetrySignals} call transient (429
 * and 5xx for DV360 and TTD; Meta's throttling codes in the body) and broken connections, up to
 * {@code attempts} tries, waiting what the platform asks (Retry-After, Meta's usage headers) or
 * else an exponential backoff with full jitter, capped. Every change write-back sends is absolute
 * (status = paused, budget = 500.00), so sending one again after an answer got lost changes nothing
 * twice. Tokens go in headers, never in URLs, so messages and logs do not carry them.
 */
public final class PlatformClient {

  /**
   * Retries, rate limit and timeouts of one platform's client.
   *
   * @param connectTimeout the longest wait for a connection
   * @param requestTimeout the longest one exchange may take, answer included
   * @param downloadTimeout the same for a download into a file
   */
  public record Policy(
      int attempts,
      Duration baseBackoff,
      Duration maxBackoff,
      Duration minInterval,
      Duration connectTimeout,
      Duration requestTimeout,
      Duration downloadTimeout) {
    public Policy {
      if (attempts < 1 || attempts > 10) {
        throw new IllegalArgumentException("attempts must be between 1 and 10, was " + attempts);
      }
    }

    /** Retries and rate limit with the default timeouts (15 s, 120 s, 30 min). */
    public Policy(int attempts, Duration baseBackoff, Duration maxBackoff, Duration minInterval) {
      this(
          attempts,
          baseBackoff,
          maxBackoff,
          minInterval,
          Duration.ofSeconds(RetrySettings.DEFAULT_CONNECT_TIMEOUT_SECONDS),
          Duration.ofSeconds(RetrySettings.DEFAULT_REQUEST_TIMEOUT_SECONDS),
          Duration.ofSeconds(RetrySettings.DEFAULT_DOWNLOAD_TIMEOUT_SECONDS));
    }

    /** A policy as conf/ writes one: attempts and waits in milliseconds, timeouts in seconds. */
    public static Policy of(RetrySettings settings) {
      return new Policy(
          settings.attempts(),
          Duration.ofMillis(settings.backoffMillis()),
          Duration.ofMillis(settings.maxBackoffMillis()),
          Duration.ofMillis(settings.minIntervalMillis()),
          Duration.ofSeconds(settings.connectTimeoutSeconds()),
          Duration.ofSeconds(settings.requestTimeoutSeconds()),
          Duration.ofSeconds(settings.downloadTimeoutSeconds()));
    }

    public static Policy defaults() {
      return new Policy(5, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMillis(250));
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(PlatformClient.class);

  private final String platform;
  private final Policy policy;
  private final RetrySignals signals;
  private final HttpClient http;
  private long nextSlotNanos;
  private int requests;

  public PlatformClient(String platform, Policy policy, RetrySignals signals) {
    this.platform = platform;
    this.policy = policy;
    this.signals = signals;
    this.http = HttpClient.newBuilder().connectTimeout(policy.connectTimeout()).build();
  }

  /** Requests sent so far, retries included. */
  public synchronized int requests() {
    return requests;
  }

  /**
   * Sends until a 2xx (returned), an answer the signals call final (thrown at once), or the
   * attempts run out (thrown).
   */
  public HttpResponse<String> send(HttpRequest request, String what) {
    return send(request, what, HttpResponse.BodyHandlers.ofString(), policy.requestTimeout());
  }

  /**
   * Downloads a 2xx answer's body into {@code target} (replaced), retrying like {@link #send}. A
   * body shorter than its Content-Length, or cut before its last chunk, fails the attempt (the JDK
   * client raises it) and is tried again; what arrives whole is checked against Content-Length once
   * more on disk.
   *
   * @return the answer, its body null (it is in the file)
   */
  public HttpResponse<String> download(HttpRequest request, String what, Path target) {
    HttpResponse.BodyHandler<String> toFile =
        info ->
            info.statusCode() / 100 == 2
                ? HttpResponse.BodySubscribers.mapping(
                    HttpResponse.BodySubscribers.ofFile(
                        target,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING),
                    file -> (String) null)
                : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
    HttpResponse<String> response = send(request, what, toFile, policy.downloadTimeout());
    OptionalLong declared = response.headers().firstValueAsLong("Content-Length");
    try {
      long size = Files.size(target);
      if (declared.isPresent() && declared.getAsLong() != size) {
        throw new PlatformException(
            platform
                + " "
                + what
                + ": truncated download, "
                + size
                + " of "
                + declared.getAsLong()
                + " bytes",
            200,
            null);
      }
    } catch (IOException e) {
      throw new PlatformException(
          platform + " " + what + ": cannot read the downloaded file: " + e.getMessage(), 0, e);
    }
    return response;
  }

  /**
   * @param timeout the longest one exchange may take, answer included: the JDK's HttpRequest
   *     timeout ends once the response headers arrive, so a body that stalls would hold the run;
   *     the exchange is cancelled and tried again like a broken connection
   */
  private HttpResponse<String> send(
      HttpRequest request,
      String what,
      HttpResponse.BodyHandler<String> handler,
      Duration timeout) {
    String last = null;
    int lastStatus = 0;
    for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
      waitForSlot();
      Optional<Duration> asked = Optional.empty();
      try {
        CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(request, handler);
        HttpResponse<String> response;
        try {
          response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stalled) {
          exchange.cancel(true);
          throw new IOException("no whole answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException failed) {
          if (failed.getCause() instanceof IOException io) {
            throw io;
          }
          throw new IOException(failed.getCause());
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
          return response;
        }
        RetrySignals.Verdict verdict = signals.judge(response);
        last =
            platform
                + " "
                + what
                + ": HTTP "
                + status
                + (verdict.explanation() == null ? "" : " (" + verdict.explanation() + ")")
                + " "
                + abbreviate(response.body());
        lastStatus = status;
        if (!verdict.retry()) {
          throw new PlatformException(
              last, status, null, verdict.credentialsRefused(), verdict.requestRefused());
        }
        asked = verdict.asked();
      } catch (IOException e) {
        last = platform + " " + what + ": " + e.getClass().getSimpleName() + " " + e.getMessage();
        lastStatus = 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PlatformException(platform + " " + what + ": interrupted", 0, e);
      }
      if (attempt < policy.attempts()) {
        Duration wait = Backoff.after(attempt, policy.baseBackoff(), policy.maxBackoff(), asked);
        LOG.warn(
            "{} (attempt {} of {}); trying again in {} ms",
            last,
            attempt,
            policy.attempts(),
            wait.toMillis());
        Backoff.sleep(wait);
      }
    }
    throw new PlatformException(
        last + " (gave up after " + policy.attempts() + " attempts)", lastStatus, null);
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
      Backoff.sleep(Duration.ofNanos(wait));
    }
  }

  /** An answer's JSON; an answer that is not JSON is the platform's fault, said with what came. */
  public static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new PlatformException(
          "the platform answered with something that is not JSON: " + abbreviate(body), 200, e);
    }
  }

  public static String abbreviate(String body) {
    String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}

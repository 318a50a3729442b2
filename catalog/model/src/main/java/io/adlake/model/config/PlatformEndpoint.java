package io.adlake.model.config;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Where one platform's API is and how politely to call it. The token is a secret, so the file names
 * the environment variable that holds it, never the token.
 *
 * @param baseUrl the API root the adapter resolves its paths against (a trailing / is added)
 * @param tokenEnv environment variable with the OAuth access token (DV360, Meta) or TTD-Auth token
 * @param attempts tries per request, the first included (429, 5xx and broken connections are
 *     retried)
 * @param minIntervalMillis the least time between two requests: the platform's rate limit
 * @param backoffMillis the first retry's wait when the platform gives no Retry-After; later waits
 *     double, jittered
 * @param maxBackoffMillis the cap on one wait
 * @param connectTimeoutSeconds the longest wait for a connection (default 15)
 * @param requestTimeoutSeconds the longest one call may take, answer included (default 120)
 * @param downloadTimeoutSeconds the longest one download may take (default 1800)
 */
public record PlatformEndpoint(
    URI baseUrl,
    String tokenEnv,
    Integer attempts,
    Long minIntervalMillis,
    Long backoffMillis,
    Long maxBackoffMillis,
    Integer connectTimeoutSeconds,
    Integer requestTimeoutSeconds,
    Integer downloadTimeoutSeconds)
    implements RetrySettings {

  /** An endpoint with the default timeouts. */
  public PlatformEndpoint(
      URI baseUrl,
      String tokenEnv,
      Integer attempts,
      Long minIntervalMillis,
      Long backoffMillis,
      Long maxBackoffMillis) {
    this(
        baseUrl,
        tokenEnv,
        attempts,
        minIntervalMillis,
        backoffMillis,
        maxBackoffMillis,
        null,
        null,
        null);
  }

  private static final Pattern ENV = Pattern.compile("[A-Z_][A-Z0-9_]*");

  /** A setting that names an environment variable (where a secret is), never the secret. */
  public static void requireEnvName(String key, String name) {
    if (name == null || !ENV.matcher(name).matches()) {
      throw new IllegalArgumentException(
          key + " names an environment variable (A-Z, 0-9, _), was '" + name + "'");
    }
  }

  public PlatformEndpoint {
    if (baseUrl == null || baseUrl.getScheme() == null || !baseUrl.getScheme().matches("https?")) {
      throw new IllegalArgumentException("base_url must be an http(s) URL, was '" + baseUrl + "'");
    }
    if (!baseUrl.getPath().endsWith("/")) {
      baseUrl = URI.create(baseUrl + "/");
    }
    requireEnvName("token_env", tokenEnv);
    attempts = attempts == null ? 5 : attempts;
    minIntervalMillis = minIntervalMillis == null ? 250L : minIntervalMillis;
    backoffMillis = backoffMillis == null ? 1_000L : backoffMillis;
    maxBackoffMillis = maxBackoffMillis == null ? 60_000L : maxBackoffMillis;
    connectTimeoutSeconds =
        connectTimeoutSeconds == null
            ? RetrySettings.DEFAULT_CONNECT_TIMEOUT_SECONDS
            : connectTimeoutSeconds;
    requestTimeoutSeconds =
        requestTimeoutSeconds == null
            ? RetrySettings.DEFAULT_REQUEST_TIMEOUT_SECONDS
            : requestTimeoutSeconds;
    downloadTimeoutSeconds =
        downloadTimeoutSeconds == null
            ? RetrySettings.DEFAULT_DOWNLOAD_TIMEOUT_SECONDS
            : downloadTimeoutSeconds;
    RetrySettings.requireTimeouts(
        connectTimeoutSeconds, requestTimeoutSeconds, downloadTimeoutSeconds);
    requirePolicy(attempts, minIntervalMillis, backoffMillis, maxBackoffMillis);
  }

  /**
   * The retry and rate-limit settings every platform endpoint of conf/ has (write-back's and the
   * connectors').
   */
  static void requirePolicy(
      int attempts, long minIntervalMillis, long backoffMillis, long maxBackoffMillis) {
    if (attempts < 1 || attempts > 10) {
      throw new IllegalArgumentException("attempts must be between 1 and 10, was " + attempts);
    }
    if (minIntervalMillis < 0 || backoffMillis < 0 || maxBackoffMillis < backoffMillis) {
      throw new IllegalArgumentException(
          "min_interval_millis and backoff_millis must be >= 0 and max_backoff_millis >= backoff_millis");
    }
  }
}

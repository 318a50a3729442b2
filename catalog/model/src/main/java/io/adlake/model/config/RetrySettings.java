package io.adlake.model.config;

/**
 * How politely to call one platform endpoint, as every endpoint of conf/ writes it (a source of
 * conf/connectors.yaml, a platform of conf/writeback.yaml): one shape, so one client policy is
 * built from either.
 */
public interface RetrySettings {

  /** Tries per request, the first included (429, 5xx and broken connections are retried). */
  Integer attempts();

  /** The least time between two requests: the platform's rate limit. */
  Long minIntervalMillis();

  /**
   * The first retry's wait when the platform gives no Retry-After; later waits double, jittered.
   */
  Long backoffMillis();

  /** The cap on one wait. */
  Long maxBackoffMillis();

  /** The timeouts an endpoint has unless conf/ says otherwise. */
  int DEFAULT_CONNECT_TIMEOUT_SECONDS = 15;

  int DEFAULT_REQUEST_TIMEOUT_SECONDS = 120;

  int DEFAULT_DOWNLOAD_TIMEOUT_SECONDS = 1800;

  /** The longest wait for a connection to the platform. */
  Integer connectTimeoutSeconds();

  /**
   * The longest one API call may take, answer included: a stalled platform fails the attempt
   * (retried like a broken connection) instead of holding the run.
   */
  Integer requestTimeoutSeconds();

  /** The same for one download of a report file, which may be large. */
  Integer downloadTimeoutSeconds();

  /** Timeouts within bounds: at least a second, a connection at most 5 minutes, a call a day. */
  static void requireTimeouts(int connect, int request, int download) {
    if (connect < 1
        || connect > 300
        || request < 1
        || request > 86_400
        || download < 1
        || download > 86_400) {
      throw new IllegalArgumentException(
          "connect_timeout_seconds must be 1 to 300, request_timeout_seconds and"
              + " download_timeout_seconds 1 to 86400; were "
              + connect
              + ", "
              + request
              + ", "
              + download);
    }
  }
}

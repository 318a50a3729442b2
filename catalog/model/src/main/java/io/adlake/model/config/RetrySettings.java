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
}

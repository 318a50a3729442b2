/**
 * Connectors: {@code adlake fetch} asks each platform's API for an org's report (or its setup as it stands), waits
 * for it, downloads it and drops it into the landing zone as a delivery, so ingest reads it like a file put there by
 * hand. One class per platform flow; the HTTP client (rate limit, retries, Retry-After) is write-back's
 * ({@link io.adlake.jobs.platforms.PlatformClient}); tokens come from {@link io.adlake.jobs.connectors.AccessToken}s
 * built from the environment, never from files.
 */
package io.adlake.jobs.connectors;

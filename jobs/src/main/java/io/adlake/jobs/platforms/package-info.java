/**
 * The HTTP side of talking to a platform, shared by write-back, notify and the connectors to come: a polite client
 * (rate limit, retries, waits the platform asks for), each platform's retry signals, and the failure it throws.
 * What a platform's API means (units, statuses, versions) lives in {@code io.adlake.model.platforms}.
 */
package io.adlake.jobs.platforms;

/**
 * The seam a platform's fetch plugs into: a {@link io.adlake.platforms.fetch.ReportFetcher} gets
 * one org's {@link io.adlake.platforms.fetch.OrgFetch} (account, days, calls carrying the org's
 * token, a poll for reports the platform builds) and lands each file through {@link
 * io.adlake.platforms.fetch.Landing}, which the jobs wire to the landing zone.
 */
package io.adlake.platforms.fetch;

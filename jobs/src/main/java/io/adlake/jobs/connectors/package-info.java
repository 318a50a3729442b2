/**
 * Connectors: {@code adlake fetch} runs each platform's fetch ({@code
 * io.adlake.platforms.<platform>}, chosen through its kit) for every org that fetches the source,
 * each org's failure its own, and drops what was fetched into the landing zone as a delivery
 * ({@link io.adlake.jobs.connectors.LandingDrop}), so ingest reads it like a file put there by
 * hand.
 */
package io.adlake.jobs.connectors;

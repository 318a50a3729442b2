/**
 * Display &amp; Video 360: the Bid Manager API (delivery reports), the Display &amp; Video 360 API
 * (SDF setup, line item changes); its API facts, fetchers, adapter and retry signals, as one {@code
 * PlatformKit}.
 */
package io.adlake.platforms.dv360;

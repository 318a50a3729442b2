/**
 * Meta's Marketing API: Insights, ad sets for setup and write-back, its currency offsets and
 * throttling codes; its API facts, fetchers, adapter and retry signals, as one {@code PlatformKit}.
 */
package io.adlake.platforms.meta;

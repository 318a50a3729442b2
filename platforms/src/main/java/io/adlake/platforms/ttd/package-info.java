/**
 * The Trade Desk: MyReports delivery, ad groups for setup and write-back; its API facts, fetchers,
 * adapter and retry signals, as one {@code PlatformKit}.
 */
package io.adlake.platforms.ttd;

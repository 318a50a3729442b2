/**
 * Salesforce (the CRM): bookings through Bulk API 2.0 with a JWT bearer session; its API facts,
 * fetchers, adapter and retry signals, as one {@code PlatformKit}.
 */
package io.adlake.platforms.salesforce;

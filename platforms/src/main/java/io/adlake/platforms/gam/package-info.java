/**
 * Google Ad Manager (sell side): ReportService over SOAP, the report's dimensions and columns; its
 * API facts, fetchers, adapter and retry signals, as one {@code PlatformKit}.
 */
package io.adlake.platforms.gam;

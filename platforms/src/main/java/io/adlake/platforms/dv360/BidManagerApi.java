package io.adlake.platforms.dv360;

import io.adlake.platforms.versions.ApiVersions;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What adlake relies on of DV360's reporting API, the Bid Manager API v2, in one place
 * (developers.google.com/bid-manager/reference/rest/v2: queries, queries.run, queries.reports).
 */
public final class BidManagerApi {
  private BidManagerApi() {}

  /** The version in the base URL, {@code https://doubleclickbidmanager.googleapis.com/v2/}. */
  public static final String VERSION = "v2";

  /**
   * Bid Manager API versions adlake knows: v2 is current and no sunset is announced (v1.1 was
   * switched off in 2024; developers.google.com/bid-manager/release-notes).
   */
  public static final ApiVersions VERSIONS =
      new ApiVersions(
          "Bid Manager API",
          Pattern.compile("/(v\\d+(?:\\.\\d+)?)/?$"),
          Map.of(VERSION, ApiVersions.noneAnnounced()),
          "developers.google.com/bid-manager/release-notes");

  /**
   * The OAuth scope a service account asks for
   * (developers.google.com/bid-manager/guides/get-started/generate-credentials).
   */
  public static final String SCOPE = "https://www.googleapis.com/auth/doubleclickbidmanager";

  /** queries.reports ReportStatus.State: the two a report ends in; QUEUED and RUNNING mean wait. */
  public static final String DONE = "DONE";

  public static final String FAILED = "FAILED";

  /**
   * The report adlake asks for: a STANDARD query of the dimensions and metrics {@code
   * bronze.dv360_delivery} reads (their CSV headers are the ones {@link Dv360ReportColumn}
   * declares), one advertiser, CSV. Dimensions and metrics:
   * developers.google.com/bid-manager/reference/rest/v2/filters-metrics.
   */
  public static final List<String> GROUP_BYS =
      List.of(
          "FILTER_DATE",
          "FILTER_ADVERTISER",
          "FILTER_ADVERTISER_NAME",
          "FILTER_ADVERTISER_CURRENCY",
          "FILTER_INSERTION_ORDER",
          "FILTER_INSERTION_ORDER_NAME",
          "FILTER_LINE_ITEM",
          "FILTER_LINE_ITEM_NAME",
          "FILTER_INVENTORY_SOURCE_EXTERNAL_ID",
          "FILTER_INVENTORY_SOURCE_NAME");

  public static final List<String> METRICS =
      List.of(
          "METRIC_IMPRESSIONS",
          "METRIC_CLICKS",
          "METRIC_TOTAL_CONVERSIONS",
          "METRIC_MEDIA_COST_ADVERTISER",
          "METRIC_REVENUE_ADVERTISER");

  /**
   * The footer line whose value changes with every run of the same report: not part of what the
   * report says.
   */
  public static final String REPORT_TIME_FOOTER = "Report Time:";
}

package io.adlake.platforms.gam;

import io.adlake.platforms.versions.ApiVersions;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What adlake relies on of Google Ad Manager's SOAP API for reports, in one place: ReportService
 * (developers.google.com/ad-manager/api/reference/v202605/ReportService: runReportJob,
 * getReportJobStatus, getReportDownloadUrlWithOptions) and the CSV_DUMP export bronze reads.
 */
public final class GamApi {
  private GamApi() {}

  /**
   * The version in the service URL ({@code
   * https://ads.google.com/apis/ads/publisher/v202605/ReportService}) and namespace. Ad Manager
   * switches a SOAP version off about a year after its release (developers.google.com/ad-manager/
   * api/deprecation: v202508 in August 2026, v202511 in November 2026, v202605 on 2027-05-31). The
   * official Python client googleads 51.0.0 supports v202511 to v202608; v202605 is the newest
   * whose ReportService enums are published as generated types (googleads-java-lib 5.13.0), the
   * same values as v202508's in dfp-axis 5.10.0, which the contract test reads.
   */
  public static final String VERSION = "v202605";

  public static final String NAMESPACE = namespace(VERSION);

  /**
   * The SOAP versions adlake knows and the day Ad Manager switches each off: the last weekday of
   * the month its deprecation schedule names (developers.google.com/ad-manager/api/deprecation,
   * schedule updated 2026-08-24). googleads 51.0.0 supports v202511 to v202608.
   */
  public static final ApiVersions VERSIONS =
      new ApiVersions(
          "Ad Manager SOAP API",
          Pattern.compile("/(v\\d{6})(/|$)"),
          Map.of(
              "v202508", ApiVersions.on("2026-08-31"),
              "v202511", ApiVersions.on("2026-11-30"),
              "v202602", ApiVersions.on("2027-02-26"),
              "v202605", ApiVersions.on("2027-05-31"),
              "v202608", ApiVersions.on("2027-08-31")),
          "developers.google.com/ad-manager/api/deprecation");

  /** The XML namespace of a SOAP version's messages. */
  public static String namespace(String version) {
    return "https://www.google.com/apis/ads/publisher/" + version;
  }

  /**
   * The OAuth scope of a service account added to the network
   * (developers.google.com/ad-manager/api/authentication).
   */
  public static final String SCOPE = "https://www.googleapis.com/auth/dfp";

  /**
   * ReportQuery.adUnitView: every ad unit on a row of its own, without its children's events rolled
   * in. The default, TOP_LEVEL, folds each child into its top-level parent, and {@code ad_unit_id}
   * is part of silver.supply_daily's grain; HIERARCHICAL replaces the AD_UNIT_ID/NAME headers with
   * one column per level.
   */
  public static final String AD_UNIT_VIEW = "FLAT";

  /** ReportQuery.dateRangeType: the query's startDate to endDate, one report day. */
  public static final String DATE_RANGE_TYPE = "CUSTOM_DATE";

  /**
   * ReportDownloadOptions.exportFormat: comma-separated, qualified headers, machine values (see the
   * CSV reader).
   */
  public static final String EXPORT_FORMAT = "CSV_DUMP";

  /** ReportJobStatus: done; or failed. IN_PROGRESS means wait. */
  public static final String COMPLETED = "COMPLETED";

  public static final String FAILED = "FAILED";

  /**
   * The dimensions of bronze.gam_report (ReportService.Dimension), as {@link GamReportField}
   * declares them.
   */
  public static final List<String> DIMENSIONS =
      GamReportField.apiNames(GamReportField.Kind.DIMENSION);

  /** Its columns (ReportService.Column). */
  public static final List<String> COLUMNS = GamReportField.apiNames(GamReportField.Kind.COLUMN);
}

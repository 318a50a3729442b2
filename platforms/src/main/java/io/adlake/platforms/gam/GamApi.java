package io.adlake.platforms.gam;

import java.util.List;

/**
 * What adlake relies on of Google Ad Manager's SOAP API for reports, in one place: ReportService
 * (developers.google.com/ad-manager/api/reference/v202508/ReportService: runReportJob,
 * getReportJobStatus, getReportDownloadUrlWithOptions) and the CSV_DUMP export bronze reads.
 */
public final class GamApi {
  private GamApi() {}

  /**
   * The version in the service URL ({@code
   * https://ads.google.com/apis/ads/publisher/v202508/ReportService}) and namespace.
   */
  public static final String VERSION = "v202508";

  public static final String NAMESPACE = "https://www.google.com/apis/ads/publisher/" + VERSION;

  /**
   * The OAuth scope of a service account added to the network
   * (developers.google.com/ad-manager/api/authentication).
   */
  public static final String SCOPE = "https://www.googleapis.com/auth/dfp";

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

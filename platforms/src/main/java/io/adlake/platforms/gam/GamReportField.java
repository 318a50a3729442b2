package io.adlake.platforms.gam;

import java.util.Arrays;
import java.util.List;

/**
 * The dimensions and columns of the Ad Manager report {@code bronze.gam_report} reads, declared
 * once: the report query asks for the requested ones ({@code ReportQuery.dimensions} and {@code
 * columns}), the CSV_DUMP reader finds them by header, and the sample generator writes them. A
 * CSV_DUMP header is the qualified name ({@code Dimension.DATE}, {@code
 * Column.TOTAL_LINE_ITEM_LEVEL_IMPRESSIONS}; ReportService ExportFormat).
 *
 * <p>Every name is a value of the SOAP {@code ReportService.Dimension} or {@code Column} enum (the
 * generated types of {@code com.google.api-ads:dfp-axis}, checked by the platforms' contract test).
 * The buyer is {@code PROGRAMMATIC_BUYER_ID/NAME}: the {@code DEAL_BUYER_*} names of August 2025
 * belong to the REST Ad Manager API, not to SOAP. The columns come in families ({@link
 * GamMetricFamily}): a report holds only the families its query asked for.
 */
public enum GamReportField {
  DATE(Kind.DIMENSION, "DATE", true),
  AD_UNIT_ID(Kind.DIMENSION, "AD_UNIT_ID", true),
  AD_UNIT_NAME(Kind.DIMENSION, "AD_UNIT_NAME", true),
  DEAL_ID(Kind.DIMENSION, "PROGRAMMATIC_DEAL_ID", true),
  DEAL_NAME(Kind.DIMENSION, "PROGRAMMATIC_DEAL_NAME", true),
  BUYER_ID(Kind.DIMENSION, "PROGRAMMATIC_BUYER_ID", true),
  BUYER_NAME(Kind.DIMENSION, "PROGRAMMATIC_BUYER_NAME", true),
  TOTAL_IMPRESSIONS(Kind.COLUMN, "TOTAL_LINE_ITEM_LEVEL_IMPRESSIONS", true),
  TOTAL_REVENUE(Kind.COLUMN, "TOTAL_LINE_ITEM_LEVEL_CPM_AND_CPC_REVENUE", true),
  AD_SERVER_IMPRESSIONS(Kind.COLUMN, "AD_SERVER_IMPRESSIONS", false),
  AD_SERVER_REVENUE(Kind.COLUMN, "AD_SERVER_CPM_AND_CPC_REVENUE", false),
  AD_EXCHANGE_IMPRESSIONS(Kind.COLUMN, "AD_EXCHANGE_LINE_ITEM_LEVEL_IMPRESSIONS", false),
  AD_EXCHANGE_REVENUE(Kind.COLUMN, "AD_EXCHANGE_LINE_ITEM_LEVEL_REVENUE", true);

  /**
   * ReportService.Dimension or ReportService.Column: the query's list it goes in, and its header's
   * qualifier.
   */
  public enum Kind {
    DIMENSION("Dimension"),
    COLUMN("Column");

    private final String qualifier;

    Kind(String qualifier) {
      this.qualifier = qualifier;
    }
  }

  private final Kind kind;
  private final String name;
  private final boolean requested;

  GamReportField(Kind kind, String name, boolean requested) {
    this.kind = kind;
    this.name = name;
    this.requested = requested;
  }

  public Kind kind() {
    return kind;
  }

  /** The enum value the report query sends. */
  public String apiName() {
    return name;
  }

  /** The CSV_DUMP header: {@code Dimension.DATE}. */
  public String header() {
    return kind.qualifier + "." + name;
  }

  /**
   * Whether adlake's own report query asks for it; the others are read when a report made elsewhere
   * (a deals report dropped by hand) carries them.
   */
  public boolean requested() {
    return requested;
  }

  /** The requested enum values of one kind, in declaration order: what the report query sends. */
  public static List<String> apiNames(Kind kind) {
    return Arrays.stream(values())
        .filter(f -> f.kind == kind && f.requested)
        .map(GamReportField::apiName)
        .toList();
  }
}

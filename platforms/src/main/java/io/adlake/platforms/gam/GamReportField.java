package io.adlake.platforms.gam;

import java.util.Arrays;
import java.util.List;

/**
 * The dimensions and columns of the Ad Manager report {@code bronze.gam_report} reads, declared
 * once: the report query asks for them ({@code ReportQuery.dimensions} and {@code columns}), the
 * CSV_DUMP reader finds them by header, and the sample generator writes them. A CSV_DUMP header is
 * the qualified name ({@code Dimension.DATE}, {@code Column.TOTAL_LINE_ITEM_LEVEL_IMPRESSIONS};
 * ReportService ExportFormat).
 */
public enum GamReportField {
  DATE(Kind.DIMENSION, "DATE", null),
  AD_UNIT_ID(Kind.DIMENSION, "AD_UNIT_ID", null),
  AD_UNIT_NAME(Kind.DIMENSION, "AD_UNIT_NAME", null),
  DEAL_ID(Kind.DIMENSION, "PROGRAMMATIC_DEAL_ID", null),
  DEAL_NAME(Kind.DIMENSION, "PROGRAMMATIC_DEAL_NAME", null),
  /**
   * Renamed from PROGRAMMATIC_BUYER_ID (release notes, August 2025): files of either vintage are
   * read.
   */
  BUYER_ID(Kind.DIMENSION, "DEAL_BUYER_ID", "PROGRAMMATIC_BUYER_ID"),
  BUYER_NAME(Kind.DIMENSION, "DEAL_BUYER_NAME", "PROGRAMMATIC_BUYER_NAME"),
  IMPRESSIONS(Kind.COLUMN, "TOTAL_LINE_ITEM_LEVEL_IMPRESSIONS", null),
  GROSS_REVENUE(Kind.COLUMN, "TOTAL_LINE_ITEM_LEVEL_CPM_AND_CPC_REVENUE", null),
  NET_REVENUE(Kind.COLUMN, "AD_EXCHANGE_LINE_ITEM_LEVEL_REVENUE", null);

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
  private final String formerName;

  GamReportField(Kind kind, String name, String formerName) {
    this.kind = kind;
    this.name = name;
    this.formerName = formerName;
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

  /** The header before the field was renamed; the current header when it never was. */
  public String formerHeader() {
    return formerName == null ? header() : kind.qualifier + "." + formerName;
  }

  public boolean renamed() {
    return formerName != null;
  }

  /** The enum values of one kind, in declaration order: what the report query asks for. */
  public static List<String> apiNames(Kind kind) {
    return Arrays.stream(values())
        .filter(f -> f.kind == kind)
        .map(GamReportField::apiName)
        .toList();
  }
}

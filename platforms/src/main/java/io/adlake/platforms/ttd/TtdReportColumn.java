package io.adlake.platforms.ttd;

/**
 * The columns of the MyReports delivery export {@code bronze.ttd_delivery} reads, by their CSV
 * header, declared once: the reader finds them by these headers, and the sample generator and the
 * benchmark write them. adlake downloads what the org's MyReports schedule produces and asks for no
 * columns itself, so no column has an API name. Money columns are in the advertiser's currency.
 */
public enum TtdReportColumn {
  DATE("Date"),
  ADVERTISER_NAME("Advertiser"),
  ADVERTISER_ID("Advertiser ID"),
  CAMPAIGN_NAME("Campaign"),
  CAMPAIGN_ID("Campaign ID"),
  AD_GROUP_NAME("Ad Group"),
  AD_GROUP_ID("Ad Group ID"),
  /** Present when the report has the deal dimension: the deal id the supply vendor issued. */
  DEAL_ID("Deal ID"),
  IMPRESSIONS("Impressions"),
  CLICKS("Clicks"),
  /**
   * The plain conversions column; a report may instead have one per conversion reporting column,
   * see {@link #conversionsOf}.
   */
  TOTAL_CONVERSIONS("Total Click + View Conversions"),
  ADVERTISER_COST("Advertiser Cost (Adv Currency)"),
  PARTNER_COST("Partner Cost (Adv Currency)"),
  MEDIA_COST("Media Cost (Adv Currency)"),
  ADVERTISER_CURRENCY_CODE("Advertiser Currency Code");

  private final String header;

  TtdReportColumn(String header) {
    this.header = header;
  }

  /** The CSV header: {@code Ad Group ID}. */
  public String header() {
    return header;
  }

  /** What follows a conversion reporting column's name in the header of its conversions. */
  private static final String OF_REPORTING_COLUMN = " - " + TOTAL_CONVERSIONS.header;

  /**
   * The header of one conversion reporting column's conversions, named by the column's position or
   * tracking tag: {@code 01 - Total Click + View Conversions}, {@code Purchase - Total Click + View
   * Conversions}.
   */
  public static String conversionsOf(String reportingColumn) {
    return reportingColumn + OF_REPORTING_COLUMN;
  }

  /**
   * The conversion reporting column whose conversions a header holds ({@code 01}, {@code
   * Purchase}); null for any other header.
   */
  public static String reportingColumnOf(String header) {
    return header.endsWith(OF_REPORTING_COLUMN)
        ? header.substring(0, header.length() - OF_REPORTING_COLUMN.length()).strip()
        : null;
  }
}

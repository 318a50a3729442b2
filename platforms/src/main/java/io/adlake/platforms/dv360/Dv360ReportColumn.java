package io.adlake.platforms.dv360;

/**
 * The columns of the DV360 delivery report {@code bronze.dv360_delivery} reads, by their CSV
 * header, declared once: the reader finds them by these headers, and the sample generator and the
 * benchmark write them. Money columns are in the advertiser's currency.
 *
 * <p>No column names the Bid Manager filter or metric that produces it: nothing in adlake, its code
 * or its fake Bid Manager API, pairs a header with one, so {@link BidManagerApi#GROUP_BYS} and
 * {@link BidManagerApi#METRICS} stay the query's own lists rather than pairings guessed from the
 * names.
 */
public enum Dv360ReportColumn {
  DATE(Kind.DIMENSION, "Date"),
  ADVERTISER_NAME(Kind.DIMENSION, "Advertiser"),
  ADVERTISER_ID(Kind.DIMENSION, "Advertiser ID"),
  ADVERTISER_CURRENCY(Kind.DIMENSION, "Advertiser Currency"),
  INSERTION_ORDER_NAME(Kind.DIMENSION, "Insertion Order"),
  INSERTION_ORDER_ID(Kind.DIMENSION, "Insertion Order ID"),
  LINE_ITEM_NAME(Kind.DIMENSION, "Line Item"),
  LINE_ITEM_ID(Kind.DIMENSION, "Line Item ID"),
  /**
   * Present when the report is broken down by inventory source: the deal id as the exchange knows
   * it.
   */
  INVENTORY_SOURCE_EXTERNAL_ID(Kind.DIMENSION, "Inventory Source External ID"),
  INVENTORY_SOURCE_NAME(Kind.DIMENSION, "Inventory Source"),
  IMPRESSIONS(Kind.METRIC, "Impressions"),
  CLICKS(Kind.METRIC, "Clicks"),
  TOTAL_CONVERSIONS(Kind.METRIC, "Total Conversions"),
  REVENUE(Kind.METRIC, "Revenue (Adv Currency)"),
  MEDIA_COST(Kind.METRIC, "Media Cost (Advertiser Currency)"),
  TOTAL_MEDIA_COST(Kind.METRIC, "Total Media Cost (Advertiser Currency)");

  /**
   * What the report is grouped by (a row per combination; the report's footer lists them after
   * {@code Group By:} and its totals row leaves them empty), or a figure of each row.
   */
  public enum Kind {
    DIMENSION,
    METRIC
  }

  private final Kind kind;
  private final String header;

  Dv360ReportColumn(Kind kind, String header) {
    this.kind = kind;
    this.header = header;
  }

  public Kind kind() {
    return kind;
  }

  /** The CSV header: {@code Line Item ID}. */
  public String header() {
    return header;
  }
}

package io.adlake.platforms.monetize;

/**
 * The columns of the Monetize seller report {@code bronze.monetize_report} reads, declared once:
 * the Report Service names a CSV's columns as the request names them, so each header is the
 * column's name in the Digital Platform API (Network Analytics, Network Publisher Analytics). The
 * reader finds them by these headers and the sample generator writes them, in this order.
 */
public enum MonetizeReportColumn {
  DAY("day"),
  PUBLISHER_ID("publisher_id"),
  PUBLISHER_NAME("publisher_name"),
  PLACEMENT_ID("placement_id"),
  PLACEMENT_NAME("placement_name"),
  DEAL_ID("deal_id"),
  DEAL_NAME("deal_name"),
  BUYER_MEMBER_ID("buyer_member_id"),
  BUYER_MEMBER_NAME("buyer_member_name"),
  IMPS("imps"),
  /** What buyers paid, in the selling currency. */
  REVENUE("revenue"),
  /** The publisher's share, in the selling currency. */
  PUBLISHER_REVENUE("publisher_revenue"),
  PUBLISHER_CURRENCY("publisher_currency"),
  /** The publisher's share in its own currency, which {@link #PUBLISHER_CURRENCY} names. */
  PUBLISHER_REVENUE_PUB_CURR("publisher_revenue_pub_curr");

  private final String header;

  MonetizeReportColumn(String header) {
    this.header = header;
  }

  /** The CSV header, the column's API name: {@code placement_id}. */
  public String header() {
    return header;
  }
}

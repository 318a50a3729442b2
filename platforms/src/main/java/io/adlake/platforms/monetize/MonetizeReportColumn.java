package io.adlake.platforms.monetize;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of the Monetize seller reports {@code bronze.monetize_report} reads, declared once:
 * the Report Service names a CSV's columns as the request names them, so each header is the
 * column's API name. Two report types carry a seller's delivery, with different metrics
 * (learn.microsoft.com/xandr/digital-platform-api/network-analytics and
 * .../network-publisher-analytics): Network Analytics has {@code imps} and {@code revenue} (booked
 * plus reseller revenue) and no publisher revenue; Network Publisher Analytics has {@code
 * imps_total}, {@code network_revenue} and the publisher's {@code publisher_revenue} and {@code
 * publisher_revenue_pub_curr}, and no {@code imps}, {@code revenue} or {@code publisher_name}.
 * Money fields are in USD unless the report is broken down by {@code selling_currency}
 * (learn.microsoft.com/xandr/monetize/currency-support); the {@code _pub_curr} ones are in the
 * publisher's currency, which {@code publisher_currency} names.
 */
public enum MonetizeReportColumn {
  DAY("day", Type.BOTH),
  PUBLISHER_ID("publisher_id", Type.BOTH),
  PUBLISHER_NAME("publisher_name", Type.NETWORK_ANALYTICS),
  PLACEMENT_ID("placement_id", Type.BOTH),
  PLACEMENT_NAME("placement_name", Type.BOTH),
  DEAL_ID("deal_id", Type.BOTH),
  DEAL_NAME("deal_name", Type.BOTH),
  BUYER_MEMBER_ID("buyer_member_id", Type.BOTH),
  BUYER_MEMBER_NAME("buyer_member_name", Type.BOTH),
  /** The currency money fields are in, when the report is broken down by it. */
  SELLING_CURRENCY("selling_currency", Type.NETWORK_ANALYTICS),
  /** Impressions served and resold. */
  IMPS("imps", Type.NETWORK_ANALYTICS),
  /** Booked plus reseller revenue: what buyers paid. */
  REVENUE("revenue", Type.NETWORK_ANALYTICS),
  /** The same in the currency the seller sold in. */
  REVENUE_SELLING_CURRENCY("revenue_selling_currency", Type.NETWORK_ANALYTICS),
  /** Impressions served and resold. */
  IMPS_TOTAL("imps_total", Type.NETWORK_PUBLISHER_ANALYTICS),
  /** Revenue booked through direct advertisers and resold to real-time buyers. */
  NETWORK_REVENUE("network_revenue", Type.NETWORK_PUBLISHER_ANALYTICS),
  /** What the publisher is paid (its revenue share or CPM). */
  PUBLISHER_REVENUE("publisher_revenue", Type.NETWORK_PUBLISHER_ANALYTICS),
  PUBLISHER_CURRENCY("publisher_currency", Type.BOTH),
  /** The publisher's revenue in its own currency, which {@link #PUBLISHER_CURRENCY} names. */
  PUBLISHER_REVENUE_PUB_CURR("publisher_revenue_pub_curr", Type.NETWORK_PUBLISHER_ANALYTICS);

  /** The report type a column belongs to. */
  public enum Type {
    NETWORK_ANALYTICS("network_analytics"),
    NETWORK_PUBLISHER_ANALYTICS("network_publisher_analytics"),
    BOTH(null);

    private final String reportType;

    Type(String reportType) {
      this.reportType = reportType;
    }

    /** The {@code report_type} of the Report Service request. */
    public String reportType() {
      return reportType;
    }
  }

  private final String header;
  private final Type type;

  MonetizeReportColumn(String header, Type type) {
    this.header = header;
    this.type = type;
  }

  /** The CSV header, the column's API name: {@code placement_id}. */
  public String header() {
    return header;
  }

  /** The columns a report of this type has, in declaration order. */
  public static List<MonetizeReportColumn> of(Type report) {
    return Arrays.stream(values()).filter(c -> c.type == Type.BOTH || c.type == report).toList();
  }
}

package io.adlake.platforms.gam;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/**
 * The column families of an Ad Manager report (ReportService.Column): {@code
 * TOTAL_LINE_ITEM_LEVEL_*} counts every line item, {@code AD_SERVER_*} those Ad Manager served
 * itself, {@code AD_EXCHANGE_LINE_ITEM_LEVEL_*} those Ad Exchange filled. A report carries only the
 * families its query asked for; a programmatic-deals report typically has Ad Exchange's alone. The
 * widest family present, in declaration order, is the one a row's impressions and revenue are read
 * from, and bronze keeps which it was.
 *
 * <p>bronze reads a total or Ad Server {@code ..._CPM_AND_CPC_REVENUE} as the report's gross
 * revenue and Ad Exchange's line-item-level revenue, what Ad Exchange paid the publisher, as its
 * net revenue; a report of Ad Exchange's family alone has a net revenue and no gross one. (Since
 * April 2021 the total and Ad Server revenue of programmatic guaranteed and preferred deals is net
 * of Google's fee too: Ads Developer Blog, 2020-03-19, "Upcoming change to the Google Ad Manager
 * API".)
 */
public enum GamMetricFamily {
  TOTAL("total", GamReportField.TOTAL_IMPRESSIONS, GamReportField.TOTAL_REVENUE, true),
  AD_SERVER(
      "ad_server", GamReportField.AD_SERVER_IMPRESSIONS, GamReportField.AD_SERVER_REVENUE, true),
  AD_EXCHANGE(
      "ad_exchange",
      GamReportField.AD_EXCHANGE_IMPRESSIONS,
      GamReportField.AD_EXCHANGE_REVENUE,
      false);

  private final String code;
  private final GamReportField impressions;
  private final GamReportField revenue;
  private final boolean grossRevenue;

  GamMetricFamily(
      String code, GamReportField impressions, GamReportField revenue, boolean grossRevenue) {
    this.code = code;
    this.impressions = impressions;
    this.revenue = revenue;
    this.grossRevenue = grossRevenue;
  }

  /** The value bronze keeps: {@code total}, {@code ad_server} or {@code ad_exchange}. */
  public String code() {
    return code;
  }

  public GamReportField impressions() {
    return impressions;
  }

  /** The family's revenue column, which a report of the family must carry. */
  public GamReportField revenue() {
    return revenue;
  }

  /** Whether {@link #revenue} is gross (before Ad Exchange's share) rather than net. */
  public boolean grossRevenue() {
    return grossRevenue;
  }

  /** The widest family whose impressions column is among these headers (case-insensitive). */
  public static Optional<GamMetricFamily> of(Collection<String> headers) {
    return Arrays.stream(values())
        .filter(f -> headers.stream().anyMatch(h -> h.equalsIgnoreCase(f.impressions.header())))
        .findFirst();
  }
}

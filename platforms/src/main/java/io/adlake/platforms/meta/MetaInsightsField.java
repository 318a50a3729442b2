package io.adlake.platforms.meta;

import java.util.Arrays;
import java.util.List;

/**
 * The fields of an Insights row per ad and day that {@code bronze.meta_delivery} reads, declared
 * once: the Insights job asks for them ({@link MetaApi#INSIGHTS_FIELDS}), the fetcher files each
 * row by its {@code date_start}, the reader finds them by these keys, and the sample generator and
 * the benchmark write them.
 */
public enum MetaInsightsField {
  ACCOUNT_ID("account_id"),
  ACCOUNT_NAME("account_name"),
  ACCOUNT_CURRENCY("account_currency"),
  CAMPAIGN_ID("campaign_id"),
  CAMPAIGN_NAME("campaign_name"),
  ADSET_ID("adset_id"),
  ADSET_NAME("adset_name"),
  AD_ID("ad_id"),
  AD_NAME("ad_name"),
  /**
   * Not asked for: every row of a job with a {@code time_increment} has its day's start and stop.
   */
  DATE_START("date_start", false),
  DATE_STOP("date_stop", false),
  IMPRESSIONS("impressions"),
  CLICKS("clicks"),
  SPEND("spend"),
  ACTIONS("actions");

  private final String name;
  private final boolean asked;

  MetaInsightsField(String name) {
    this(name, true);
  }

  MetaInsightsField(String name, boolean asked) {
    this.name = name;
    this.asked = asked;
  }

  /** The field's name: what the job's {@code fields} names and the key of the row. */
  public String fieldName() {
    return name;
  }

  /** The fields the job names in its {@code fields}, in declaration order. */
  static List<String> asked() {
    return Arrays.stream(values()).filter(f -> f.asked).map(MetaInsightsField::fieldName).toList();
  }
}

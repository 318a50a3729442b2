package io.adlake.platforms.meta;

import java.util.Arrays;
import java.util.List;

/**
 * The fields of an ad set that {@code bronze.meta_ad_sets} reads, declared once: the setup snapshot
 * asks for them ({@link MetaApi#ADSET_FIELDS}), the reader finds them by these keys and the sample
 * generator writes them.
 */
public enum MetaAdSetField {
  ID("id"),
  NAME("name"),
  CAMPAIGN_ID("campaign_id"),
  ACCOUNT_ID("account_id"),
  /**
   * Not the ad set's but its ad account's currency ({@code GET act_<id>?fields=currency}), which
   * the fetcher adds to each line.
   */
  ACCOUNT_CURRENCY("account_currency", false),
  STATUS("status"),
  EFFECTIVE_STATUS("effective_status"),
  DAILY_BUDGET("daily_budget"),
  LIFETIME_BUDGET("lifetime_budget"),
  START_TIME("start_time"),
  END_TIME("end_time"),
  PACING_TYPE("pacing_type"),
  FREQUENCY_CONTROL_SPECS("frequency_control_specs");

  private final String name;
  private final boolean asked;

  MetaAdSetField(String name) {
    this(name, true);
  }

  MetaAdSetField(String name, boolean asked) {
    this.name = name;
    this.asked = asked;
  }

  /** The field's name: what the request's {@code fields} names and the key of the line. */
  public String fieldName() {
    return name;
  }

  /** The fields the request names in its {@code fields}, in declaration order. */
  static List<String> asked() {
    return Arrays.stream(values()).filter(f -> f.asked).map(MetaAdSetField::fieldName).toList();
  }
}

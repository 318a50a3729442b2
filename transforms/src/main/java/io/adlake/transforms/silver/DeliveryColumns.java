package io.adlake.transforms.silver;

import java.util.List;

/** The column dictionary of unified delivery: every platform's rows are mapped onto these names. */
public final class DeliveryColumns {
  private DeliveryColumns() {}

  /** {@code deal_id} is null for what was bought outside a deal (open auction, Meta). */
  public static final List<String> GRAIN =
      List.of(
          "org_id",
          "report_date",
          "platform",
          "advertiser_id",
          "campaign_id",
          "line_item_id",
          "deal_id");

  public static final List<String> NAMES =
      List.of("advertiser_name", "campaign_name", "line_item_name");

  public static final List<String> METRICS =
      List.of("impressions", "clicks", "conversions", "media_cost", "total_media_cost", "revenue");

  public static final List<String> AMOUNTS = List.of("media_cost", "total_media_cost", "revenue");

  /**
   * What {@code conversions} counts, in the platform's words: DV360's "Total Conversions", the TTD
   * conversion columns summed ("01 - Total Click + View Conversions + ..."), or the Meta action
   * types counted ("purchase,lead").
   */
  public static final String CONVERSIONS_COUNTED = "conversions_counted";
}

package io.adlake.transforms.silver;

import static org.apache.spark.sql.functions.col;

import io.adlake.model.Platform;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The Trade Desk rows onto the delivery dictionary: campaign is the campaign level, ad group the
 * line. Partner cost (media plus data and platform fees) is the total media cost; advertiser cost
 * is the revenue.
 */
public final class TtdDelivery {
  private TtdDelivery() {}

  public static Dataset<Row> toDelivery(Dataset<Row> bronze) {
    Dataset<Row> mapped =
        bronze.select(
            col("org_id"),
            col("report_date"),
            UnifiedDelivery.text(Platform.TTD.code()).as("platform"),
            col("advertiser_id"),
            col("advertiser_name"),
            col("campaign_id"),
            col("campaign_name"),
            col("ad_group_id").as("line_item_id"),
            col("ad_group_name").as("line_item_name"),
            UnifiedDelivery.dealId(col("deal_id")).as("deal_id"),
            UnifiedDelivery.extrasKey().as("detail_key"),
            col("impressions"),
            col("clicks"),
            UnifiedDelivery.amount("total_conversions").as("conversions"),
            col("conversion_columns").as(DeliveryColumns.CONVERSIONS_COUNTED),
            UnifiedDelivery.amount("media_cost_adv_currency").as("media_cost"),
            UnifiedDelivery.amount("partner_cost_adv_currency").as("total_media_cost"),
            UnifiedDelivery.amount("advertiser_cost_adv_currency").as("revenue"),
            col("advertiser_currency").as("currency"),
            col("delivery_date"),
            col("batch_id"));
    return UnifiedDelivery.rollUp(mapped);
  }
}

package io.adlake.transforms.silver;

import static org.apache.spark.sql.functions.col;

import io.adlake.model.Platform;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * DV360 report rows onto the delivery dictionary: insertion order is the campaign level, line item
 * the line, and the inventory source's external id (the deal id the exchange knows) the deal.
 * Revenue is what the advertiser is billed ("Revenue (Adv Currency)"); total media cost includes
 * platform and data fees.
 */
public final class Dv360Delivery {
  private Dv360Delivery() {}

  public static Dataset<Row> toDelivery(Dataset<Row> bronze) {
    Dataset<Row> mapped =
        bronze.select(
            col("org_id"),
            col("report_date"),
            UnifiedDelivery.text(Platform.DV360.code()).as("platform"),
            col("advertiser_id"),
            col("advertiser_name"),
            col("insertion_order_id").as("campaign_id"),
            col("insertion_order_name").as("campaign_name"),
            col("line_item_id"),
            col("line_item_name"),
            UnifiedDelivery.dealId(col("deal_id")).as("deal_id"),
            UnifiedDelivery.extrasKey().as("detail_key"),
            col("impressions"),
            col("clicks"),
            UnifiedDelivery.amount("total_conversions").as("conversions"),
            UnifiedDelivery.text("Total Conversions").as(DeliveryColumns.CONVERSIONS_COUNTED),
            UnifiedDelivery.amount("media_cost_adv_currency").as("media_cost"),
            UnifiedDelivery.amount("total_media_cost_adv_currency").as("total_media_cost"),
            UnifiedDelivery.amount("revenue_adv_currency").as("revenue"),
            col("advertiser_currency").as("currency"),
            col("delivery_date"),
            col("batch_id"));
    return UnifiedDelivery.rollUp(mapped);
  }
}

package io.adlake.transforms.silver;

import static org.apache.spark.sql.functions.col;

import io.adlake.model.Ssp;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Monetize report rows onto the supply dictionary: the placement is the ad unit, the buying member
 * the buyer; {@code revenue} is gross and {@code publisher_revenue} net, both in the selling
 * currency.
 */
public final class MonetizeSupply {
  private MonetizeSupply() {}

  public static Dataset<Row> toSupply(Dataset<Row> bronze) {
    return bronze.select(
        col("org_id"),
        col("report_date"),
        UnifiedDelivery.text(Ssp.MONETIZE.code()).as("ssp"),
        col("placement_id").as("ad_unit_id"),
        col("placement_name").as("ad_unit_name"),
        UnifiedDelivery.dealId(col("deal_id")).as("deal_id"),
        col("deal_name"),
        UnifiedDelivery.dealId(col("buyer_member_id")).as("buyer_id"),
        col("buyer_member_name").as("buyer_name"),
        UnifiedDelivery.extrasKey().as("detail_key"),
        col("impressions"),
        col("revenue").as("gross_revenue"),
        col("publisher_revenue").as("net_revenue"),
        col("currency"),
        col("report_timezone"),
        col("delivery_date"),
        col("batch_id"));
  }
}

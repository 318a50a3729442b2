package io.adlake.transforms.silver;

import static org.apache.spark.sql.functions.col;

import io.adlake.model.Ssp;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Ad Manager report rows onto the supply dictionary: ad unit, programmatic deal and deal buyer. */
public final class GamSupply {
  private GamSupply() {}

  public static Dataset<Row> toSupply(Dataset<Row> bronze) {
    return bronze.select(
        col("org_id"),
        col("report_date"),
        UnifiedDelivery.text(Ssp.GAM.code()).as("ssp"),
        col("ad_unit_id"),
        col("ad_unit_name"),
        UnifiedDelivery.dealId(col("deal_id")).as("deal_id"),
        col("deal_name"),
        UnifiedDelivery.dealId(col("buyer_id")).as("buyer_id"),
        col("buyer_name"),
        UnifiedDelivery.extrasKey().as("detail_key"),
        col("impressions"),
        col("gross_revenue"),
        col("net_revenue"),
        col("currency"),
        col("report_timezone"),
        col("delivery_date"),
        col("batch_id"));
  }
}

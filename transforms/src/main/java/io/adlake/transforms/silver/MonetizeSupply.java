package io.adlake.transforms.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.adlake.model.Ssp;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Monetize report rows onto the supply dictionary: the placement is the ad unit, the buying member
 * the buyer; {@code revenue} (Network Analytics' {@code revenue} or Network Publisher Analytics'
 * {@code network_revenue}) is gross and {@code publisher_revenue} net (null for a Network Analytics
 * report, which has none), both in the row's currency. A day reported more than 100 days before its
 * delivery is in UTC.
 */
public final class MonetizeSupply {
  private MonetizeSupply() {}

  /** Days after which the Report Service reports a day in UTC. */
  static final int OLDER_DAYS_IN_UTC = 100;

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
        // The Report Service reports data older than 100 days in UTC, whatever timezone the member
        // or the request set (learn.microsoft.com/xandr/digital-platform-api/report-service).
        when(datediff(col("delivery_date"), col("report_date")).gt(OLDER_DAYS_IN_UTC), lit("UTC"))
            .otherwise(col("report_timezone"))
            .as("report_timezone"),
        col("delivery_date"),
        col("batch_id"));
  }
}

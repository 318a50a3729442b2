package io.adlake.transforms.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import io.adlake.transforms.formats.Values;
import io.adlake.transforms.silver.LinesWithoutFx;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code gold.cross_platform_daily}: silver delivery rolled up to org x day x platform x advertiser
 * x campaign, in the org's reporting currency, with CTR, CPM, CPC and CPA from the summed numbers.
 * Lines whose amounts could not be converted are counted in {@code lines_without_fx} and left out
 * of the money sums ({@link LinesWithoutFx}), so a total never mixes currencies; their impressions
 * and clicks still count, and the cost-based rates (CPM, CPC, CPA) of such a row are null, since
 * part of its cost is unknown.
 */
public final class CrossPlatformReport {
  private CrossPlatformReport() {}

  public static Dataset<Row> build(Dataset<Row> silverDelivery) {
    Dataset<Row> rolled =
        silverDelivery
            .groupBy(
                col("org_id"),
                col("report_date"),
                col("platform"),
                col("advertiser_id"),
                col("campaign_id"))
            .agg(
                max(col("advertiser_name")).as("advertiser_name"),
                max(col("campaign_name")).as("campaign_name"),
                max(col("reporting_currency")).as("reporting_currency"),
                count(lit(1)).as("line_items"),
                LinesWithoutFx.count(),
                sum(col("impressions")).as("impressions"),
                sum(col("clicks")).as("clicks"),
                sum(col("conversions")).cast(Values.AMOUNT).as("conversions"),
                sum(col("media_cost_rc")).cast(Values.AMOUNT).as("media_cost"),
                sum(col("total_media_cost_rc")).cast(Values.AMOUNT).as("total_media_cost"),
                sum(col("revenue_rc")).cast(Values.AMOUNT).as("revenue"),
                max(col("timezone")).as("timezone"));
    return rolled.select(
        col("org_id"),
        col("report_date"),
        col("platform"),
        col("advertiser_id"),
        col("advertiser_name"),
        col("campaign_id"),
        col("campaign_name"),
        col("reporting_currency"),
        col("timezone"),
        col("line_items"),
        col("lines_without_fx"),
        col("impressions"),
        col("clicks"),
        col("conversions"),
        col("media_cost"),
        col("total_media_cost"),
        col("revenue"),
        Rates.ctr(col("clicks"), col("impressions")).as("ctr"),
        Rates.whenCostKnown(Rates.cpm(col("total_media_cost"), col("impressions"))).as("cpm"),
        Rates.whenCostKnown(Rates.costPer(col("total_media_cost"), col("clicks"))).as("cpc"),
        Rates.whenCostKnown(Rates.costPer(col("total_media_cost"), col("conversions"))).as("cpa"));
  }
}

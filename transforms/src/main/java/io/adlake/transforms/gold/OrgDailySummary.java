package io.adlake.transforms.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import io.adlake.transforms.formats.Values;
import io.adlake.transforms.silver.LinesWithoutFx;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code gold.org_daily_summary}: one line per org and day, summed from the cross-platform report.
 */
public final class OrgDailySummary {
  private OrgDailySummary() {}

  public static Dataset<Row> build(Dataset<Row> crossPlatform) {
    return crossPlatform
        .groupBy(col("org_id"), col("report_date"))
        .agg(
            max(col("reporting_currency")).as("reporting_currency"),
            countDistinct(col("platform")).as("platforms"),
            count(lit(1)).as("campaigns"),
            LinesWithoutFx.recount(),
            sum(col("impressions")).as("impressions"),
            sum(col("clicks")).as("clicks"),
            sum(col("conversions")).cast(Values.AMOUNT).as("conversions"),
            sum(col("media_cost")).cast(Values.AMOUNT).as("media_cost"),
            sum(col("total_media_cost")).cast(Values.AMOUNT).as("total_media_cost"),
            sum(col("revenue")).cast(Values.AMOUNT).as("revenue"))
        .withColumn("ctr", Rates.ctr(col("clicks"), col("impressions")))
        .withColumn(
            "cpm", Rates.whenCostKnown(Rates.cpm(col("total_media_cost"), col("impressions"))));
  }
}

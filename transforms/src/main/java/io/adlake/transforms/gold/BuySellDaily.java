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
 * {@code gold.buy_sell_daily}: both sides of the market per org, day, platform and deal, in the org's reporting
 * currency. Buy side: silver delivery's media cost (what the DSP paid for the media, the figure an SSP's gross
 * revenue answers to). Sell side: silver supply's gross and net revenue. Rows with {@code deal_id} null are what
 * was bought or sold outside a deal. As in the cross-platform report, lines without a rate are counted in
 * {@code lines_without_fx} and left out of the money sums ({@link LinesWithoutFx}), so a total never mixes
 * currencies.
 */
public final class BuySellDaily {
  private BuySellDaily() {}

  public static final String BUY = "buy";
  public static final String SELL = "sell";

  public static Dataset<Row> build(Dataset<Row> silverDelivery, Dataset<Row> silverSupply) {
    Dataset<Row> buy =
        silverDelivery
            .groupBy(col("org_id"), col("report_date"), col("platform"), col("deal_id"))
            .agg(
                max(col("reporting_currency")).as("reporting_currency"),
                max(col("timezone")).as("timezone"),
                count(lit(1)).as("lines"),
                LinesWithoutFx.count(),
                sum(col("impressions")).as("impressions"),
                sum(col("media_cost_rc")).cast(Values.AMOUNT).as("media_cost"),
                lit(null).cast(Values.AMOUNT).as("gross_revenue"),
                lit(null).cast(Values.AMOUNT).as("net_revenue"))
            .withColumn("side", lit(BUY));
    Dataset<Row> sell =
        silverSupply
            .groupBy(col("org_id"), col("report_date"), col("ssp").as("platform"), col("deal_id"))
            .agg(
                max(col("reporting_currency")).as("reporting_currency"),
                max(col("timezone")).as("timezone"),
                count(lit(1)).as("lines"),
                LinesWithoutFx.count(),
                sum(col("impressions")).as("impressions"),
                lit(null).cast(Values.AMOUNT).as("media_cost"),
                sum(col("gross_revenue_rc")).cast(Values.AMOUNT).as("gross_revenue"),
                sum(col("net_revenue_rc")).cast(Values.AMOUNT).as("net_revenue"))
            .withColumn("side", lit(SELL));
    return buy.unionByName(sell)
        .select(
            col("org_id"), col("report_date"), col("side"), col("platform"), col("deal_id"), col("reporting_currency"), col("timezone"),
            col("lines"), col("lines_without_fx"), col("impressions"), col("media_cost"), col("gross_revenue"), col("net_revenue"));
  }
}

package io.adlake.transforms.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import io.adlake.transforms.formats.Values;
import io.adlake.transforms.silver.LinesWithoutFx;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code gold.buy_sell_daily}: both sides of the market per org, day, platform and deal, in the
 * org's reporting currency. Buy side: silver delivery's media cost (what the DSP paid for the
 * media, the figure an SSP's gross revenue answers to). Sell side: silver supply's gross and net
 * revenue. Rows with {@code deal_id} null are what was bought or sold outside a deal. As in the
 * cross-platform report, lines without a rate are counted in {@code lines_without_fx} and left out
 * of the money sums ({@link LinesWithoutFx}), so a total never mixes currencies.
 */
public final class BuySellDaily {
  private BuySellDaily() {}

  public static final String BUY = "buy";
  public static final String SELL = "sell";

  public static Dataset<Row> build(Dataset<Row> silverDelivery, Dataset<Row> silverSupply) {
    Dataset<Row> buy =
        silverDelivery.select(
            col("org_id"),
            col("report_date"),
            lit(BUY).as("side"),
            col("platform"),
            col("deal_id"),
            col("reporting_currency"),
            col("timezone"),
            col("fx_status"),
            col("impressions"),
            col("media_cost_rc").as("media_cost"),
            noAmount("gross_revenue"),
            noAmount("net_revenue"));
    Dataset<Row> sell =
        silverSupply.select(
            col("org_id"),
            col("report_date"),
            lit(SELL).as("side"),
            col("ssp").as("platform"),
            col("deal_id"),
            col("reporting_currency"),
            col("timezone"),
            col("fx_status"),
            col("impressions"),
            noAmount("media_cost"),
            col("gross_revenue_rc").as("gross_revenue"),
            col("net_revenue_rc").as("net_revenue"));
    return SideTotals.of(
            buy.unionByName(sell),
            LinesWithoutFx.count(),
            List.of(
                col("org_id"), col("report_date"), col("side"), col("platform"), col("deal_id")),
            List.of(
                max(col("reporting_currency")).as("reporting_currency"),
                max(col("timezone")).as("timezone"),
                count(lit(1)).as("lines")))
        .select(
            col("org_id"),
            col("report_date"),
            col("side"),
            col("platform"),
            col("deal_id"),
            col("reporting_currency"),
            col("timezone"),
            col("lines"),
            col("lines_without_fx"),
            col("impressions"),
            col("media_cost"),
            col("gross_revenue"),
            col("net_revenue"));
  }

  /** The other side's money: none. */
  private static Column noAmount(String name) {
    return lit(null).cast(Values.AMOUNT).as(name);
  }
}

package io.adlake.transforms.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import io.adlake.transforms.formats.Values;
import io.adlake.transforms.silver.LinesWithoutFx;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The one roll-up of the two sides of the market, made by {@link BuySellDaily} from silver lines
 * and again by {@link RevenueReconciliation} across a deal's platforms: per grain, {@code side}
 * among its keys, the impressions, the lines without an FX rate and the money of both sides in the
 * reporting currency, each summed. A side's rows carry null for the other side's money, so that sum
 * is null. Lines without a rate are left out of the money sums and counted ({@link
 * LinesWithoutFx}); a caller that needs whole totals nulls them from the count.
 */
final class SideTotals {
  private SideTotals() {}

  /**
   * Both sides' money, named as in {@code gold.buy_sell_daily}: the buy side's media cost, the sell
   * side's revenue.
   */
  static final List<String> AMOUNTS = List.of("media_cost", "gross_revenue", "net_revenue");

  /**
   * @param rows buy and sell rows with {@code side}, {@code impressions} and the {@link #AMOUNTS}
   * @param withoutFx how the rows' lines without a rate add up: {@link LinesWithoutFx#count} over
   *     silver lines, {@link LinesWithoutFx#recount} over rows already rolled up
   * @param grain the grouping, {@code side} among it
   * @param described what else each grain says of its rows (currency, timezones, platforms)
   */
  static Dataset<Row> of(
      Dataset<Row> rows, Column withoutFx, List<Column> grain, List<Column> described) {
    List<Column> aggregates = new ArrayList<>(described);
    aggregates.add(withoutFx);
    aggregates.add(sum(col("impressions")).as("impressions"));
    AMOUNTS.forEach(amount -> aggregates.add(sum(col(amount)).cast(Values.AMOUNT).as(amount)));
    return rows.groupBy(grain.toArray(Column[]::new))
        .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
  }
}

package io.adlake.transforms.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.SharedSpark;
import io.adlake.transforms.formats.Values;
import io.adlake.transforms.silver.LinesWithoutFx;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class SideTotalsTest {

  private static final StructType LINES =
      new StructType()
          .add("side", DataTypes.StringType)
          .add("deal_id", DataTypes.StringType)
          .add("fx_status", DataTypes.StringType)
          .add("impressions", DataTypes.LongType)
          .add("media_cost", Values.AMOUNT)
          .add("gross_revenue", Values.AMOUNT)
          .add("net_revenue", Values.AMOUNT);

  @Test
  void sumsEachSideOfAGrainAndCountsTheLinesLeftOutForWantOfARate(SparkSession spark) {
    Dataset<Row> lines =
        spark.createDataFrame(
            List.of(
                buy("d1", "same_currency", 100, "10"),
                buy("d1", "missing_rate", 50, null),
                sell("d1", "converted", 90, "9", "7"),
                sell("d1", "converted", 10, "1", null)),
            LINES);

    Map<String, Row> bySide =
        SideTotals.of(
                lines,
                LinesWithoutFx.count(),
                List.of(col("side"), col("deal_id")),
                List.of(count(lit(1)).as("lines")))
            .collectAsList()
            .stream()
            .collect(Collectors.toMap(r -> r.<String>getAs("side"), r -> r));

    Row buy = bySide.get(BuySellDaily.BUY);
    assertThat(buy.<Long>getAs("lines")).isEqualTo(2L);
    assertThat(buy.<Long>getAs("impressions"))
        .isEqualTo(150L); // a line without a rate still served
    assertThat(buy.<Long>getAs("lines_without_fx")).isEqualTo(1L);
    assertThat(buy.<BigDecimal>getAs("media_cost"))
        .isEqualByComparingTo("10"); // left out of the sum, counted
    assertThat(buy.<BigDecimal>getAs("gross_revenue"))
        .isNull(); // the sell side's money: none on this side
    Row sell = bySide.get(BuySellDaily.SELL);
    assertThat(sell.<Long>getAs("lines_without_fx")).isZero();
    assertThat(sell.<BigDecimal>getAs("gross_revenue")).isEqualByComparingTo("10");
    assertThat(sell.<BigDecimal>getAs("net_revenue")).isEqualByComparingTo("7");
    assertThat(sell.<BigDecimal>getAs("media_cost")).isNull();
  }

  @Test
  void rollsUpRowsAlreadyRolledUpByAddingTheirCounts(SparkSession spark) {
    StructType counted =
        new StructType()
            .add("side", DataTypes.StringType)
            .add("lines_without_fx", DataTypes.LongType)
            .add("impressions", DataTypes.LongType)
            .add("media_cost", Values.AMOUNT)
            .add("gross_revenue", Values.AMOUNT)
            .add("net_revenue", Values.AMOUNT);
    Dataset<Row> rows =
        spark.createDataFrame(
            List.of(
                RowFactory.create(BuySellDaily.BUY, 0L, 100L, new BigDecimal("10"), null, null),
                RowFactory.create(BuySellDaily.BUY, 2L, 40L, new BigDecimal("4"), null, null)),
            counted);

    Row buy =
        SideTotals.of(rows, LinesWithoutFx.recount(), List.of(col("side")), List.of()).first();

    assertThat(buy.<Long>getAs("lines_without_fx")).isEqualTo(2L);
    assertThat(buy.<Long>getAs("impressions")).isEqualTo(140L);
    assertThat(buy.<BigDecimal>getAs("media_cost")).isEqualByComparingTo("14");
  }

  private static Row buy(String deal, String fxStatus, long impressions, String mediaCost) {
    return RowFactory.create(
        BuySellDaily.BUY, deal, fxStatus, impressions, amount(mediaCost), null, null);
  }

  private static Row sell(
      String deal, String fxStatus, long impressions, String gross, String net) {
    return RowFactory.create(
        BuySellDaily.SELL, deal, fxStatus, impressions, null, amount(gross), amount(net));
  }

  private static BigDecimal amount(String value) {
    return value == null ? null : new BigDecimal(value);
  }
}

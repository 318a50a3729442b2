package io.adlake.transforms.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.SharedSpark;
import io.adlake.transforms.formats.Values;
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
class LinesWithoutFxTest {

  private static final StructType LINES =
      new StructType()
          .add("campaign_id", DataTypes.StringType)
          .add("fx_status", DataTypes.StringType)
          .add("cost_rc", Values.AMOUNT);

  @Test
  void countsTheLinesWithoutARateAndKeepsAWholeFigureOnlyWhereThereAreNone(SparkSession spark) {
    Dataset<Row> lines =
        spark.createDataFrame(
            List.of(
                RowFactory.create("whole", FxConversion.SAME_CURRENCY, new BigDecimal("10")),
                RowFactory.create("whole", FxConversion.CONVERTED, new BigDecimal("5")),
                RowFactory.create("part", FxConversion.CONVERTED, new BigDecimal("7")),
                RowFactory.create("part", FxConversion.MISSING_RATE, null)),
            LINES);

    assertThat(lines.filter(LinesWithoutFx.lacksRate()).count()).isEqualTo(1L);

    Dataset<Row> rolled =
        lines
            .groupBy("campaign_id")
            .agg(LinesWithoutFx.count(), sum(col("cost_rc")).cast(Values.AMOUNT).as("cost"));
    assertThat(rolled.schema().apply(LinesWithoutFx.COLUMN).dataType())
        .isEqualTo(DataTypes.LongType);
    Map<String, Row> byCampaign =
        rolled
            .withColumn("whole_cost", LinesWithoutFx.whenAllConverted(col("cost")))
            .collectAsList()
            .stream()
            .collect(Collectors.toMap(r -> r.<String>getAs("campaign_id"), r -> r));

    assertThat(byCampaign.get("whole").<Long>getAs("lines_without_fx")).isZero();
    assertThat(byCampaign.get("whole").<BigDecimal>getAs("whole_cost")).isEqualByComparingTo("15");
    assertThat(byCampaign.get("part").<Long>getAs("lines_without_fx")).isEqualTo(1L);
    assertThat(byCampaign.get("part").<BigDecimal>getAs("cost"))
        .isEqualByComparingTo("7"); // the sum left it out
    assertThat(byCampaign.get("part").<BigDecimal>getAs("whole_cost"))
        .isNull(); // never a figure of part of the lines
  }

  @Test
  void rollUpsAddTheirCountsAndARowWithoutLinesHasNone(SparkSession spark) {
    StructType counted =
        new StructType()
            .add("org_id", DataTypes.StringType)
            .add("lines_without_fx", DataTypes.LongType);
    Dataset<Row> rows =
        spark.createDataFrame(
            List.of(
                RowFactory.create("o1", 2L),
                RowFactory.create("o1", 1L),
                RowFactory.create("o2", null)),
            counted);

    Map<String, Long> recounted =
        rows
            .groupBy("org_id")
            .agg(LinesWithoutFx.recount())
            .withColumn("lines_without_fx", LinesWithoutFx.orNone())
            .collectAsList()
            .stream()
            .collect(
                Collectors.toMap(
                    r -> r.<String>getAs("org_id"), r -> r.<Long>getAs("lines_without_fx")));

    assertThat(recounted).containsExactlyInAnyOrderEntriesOf(Map.of("o1", 3L, "o2", 0L));
  }
}

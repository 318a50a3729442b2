package io.adlake.transforms.silver;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.SharedSpark;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Monetize's Report Service reports data older than 100 days in UTC, whatever timezone the request
 * or the member set (learn.microsoft.com/xandr/digital-platform-api/report-service, timezone).
 */
@ExtendWith(SharedSpark.class)
class MonetizeSupplyTest {
  private static final StructType BRONZE =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("report_date", DataTypes.DateType)
          .add("placement_id", DataTypes.StringType)
          .add("placement_name", DataTypes.StringType)
          .add("deal_id", DataTypes.StringType)
          .add("deal_name", DataTypes.StringType)
          .add("buyer_member_id", DataTypes.StringType)
          .add("buyer_member_name", DataTypes.StringType)
          .add("impressions", DataTypes.LongType)
          .add("revenue", DataTypes.createDecimalType(38, 6))
          .add("publisher_revenue", DataTypes.createDecimalType(38, 6))
          .add("currency", DataTypes.StringType)
          .add("report_timezone", DataTypes.StringType)
          .add("delivery_date", DataTypes.DateType)
          .add("batch_id", DataTypes.StringType)
          .add(
              "extra_columns", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));

  private static Row row(String day, String delivered, BigDecimal net) {
    return RowFactory.create(
        "kiwi",
        Date.valueOf(day),
        "920100",
        "ROS",
        null,
        null,
        null,
        null,
        1000L,
        new BigDecimal("4.000000"),
        net,
        "USD",
        "EST5EDT",
        Date.valueOf(delivered),
        "b1",
        null);
  }

  @Test
  void aDayMoreThanAHundredDaysOldIsInUtcAndANetworkAnalyticsRowHasNoNet(SparkSession spark) {
    Dataset<Row> bronze =
        spark.createDataFrame(
            List.of(
                row("2026-11-07", "2026-11-08", new BigDecimal("3.280000")),
                row("2026-07-31", "2026-11-08", null),
                row("2026-07-30", "2026-11-08", null)),
            BRONZE);
    List<Row> supply =
        MonetizeSupply.toSupply(bronze)
            .select("report_date", "report_timezone", "gross_revenue", "net_revenue")
            .orderBy("report_date")
            .collectAsList();
    assertThat(supply)
        .extracting(Row::toString)
        .containsExactly(
            "[2026-07-30,UTC,4.000000,null]",
            "[2026-07-31,EST5EDT,4.000000,null]",
            "[2026-11-07,EST5EDT,4.000000,3.280000]");
  }
}

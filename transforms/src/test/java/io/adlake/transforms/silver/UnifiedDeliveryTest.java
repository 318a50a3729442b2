package io.adlake.transforms.silver;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.SharedSpark;
import io.adlake.transforms.formats.Values;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class UnifiedDeliveryTest {

  private static final StructType BRONZE_DV360 =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("delivery_date", DataTypes.DateType)
          .add("batch_id", DataTypes.StringType)
          .add("ingested_at", DataTypes.TimestampType)
          .add("report_date", DataTypes.DateType)
          .add("advertiser_id", DataTypes.StringType)
          .add("advertiser_name", DataTypes.StringType)
          .add("advertiser_currency", DataTypes.StringType)
          .add("insertion_order_id", DataTypes.StringType)
          .add("insertion_order_name", DataTypes.StringType)
          .add("line_item_id", DataTypes.StringType)
          .add("line_item_name", DataTypes.StringType)
          .add("deal_id", DataTypes.StringType)
          .add("impressions", DataTypes.LongType)
          .add("clicks", DataTypes.LongType)
          .add("total_conversions", Values.AMOUNT)
          .add("revenue_adv_currency", Values.AMOUNT)
          .add("media_cost_adv_currency", Values.AMOUNT)
          .add("total_media_cost_adv_currency", Values.AMOUNT)
          .add(
              "extra_columns", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));

  @Test
  void latestDeliveryWinsAndExactCopiesCountOnce(SparkSession spark) {
    Dataset<Row> bronze =
        spark.createDataFrame(
            List.of(
                // 2 Nov as first delivered on 3 Nov ...
                row("2026-11-03", "b1", "2026-11-02", "li1", 100),
                // ... restated on 4 Nov, where the same line arrives twice (a block sent twice).
                row("2026-11-04", "b2", "2026-11-02", "li1", 130),
                row("2026-11-04", "b2", "2026-11-02", "li1", 130),
                row("2026-11-04", "b2", "2026-11-02", "li2", 40),
                // 3 Nov only delivered once.
                row("2026-11-04", "b2", "2026-11-03", "li1", 70)),
            BRONZE_DV360);

    Dataset<Row> latest = LatestDelivery.keep(bronze, "org_id", "report_date");
    List<Row> out =
        Dv360Delivery.toDelivery(latest).orderBy("report_date", "line_item_id").collectAsList();

    assertThat(out).hasSize(3);
    assertThat(out.get(0).<Long>getAs("impressions")).isEqualTo(130L); // restated, counted once
    assertThat(out.get(0).<BigDecimal>getAs("media_cost")).isEqualByComparingTo("1.30");
    assertThat(out.get(0).<String>getAs("source_batch_id")).isEqualTo("b2");
    assertThat(out.get(1).<Long>getAs("impressions")).isEqualTo(40L);
    assertThat(out.get(2).<Long>getAs("impressions")).isEqualTo(70L);
    assertThat(out.get(0).<String>getAs("platform")).isEqualTo("dv360");
    assertThat(out.get(0).<String>getAs("campaign_id")).isEqualTo("io1");
  }

  @Test
  void restatementsAndTheRollUpShuffleTheRowsOnce(SparkSession spark) {
    Dataset<Row> bronze =
        spark.createDataFrame(
            List.of(row("2026-11-03", "b1", "2026-11-02", "li1", 100)), BRONZE_DV360);

    String plan =
        Dv360Delivery.toDelivery(LatestDelivery.keep(bronze, "org_id", "report_date"))
            .queryExecution()
            .executedPlan()
            .toString();

    // The latest versions meet the rows by a broadcast, and the dedupe and the roll-up share one
    // exchange by the
    // grain: a row is shuffled once (the small version aggregate has an exchange of its own).
    assertThat(plan).contains("BroadcastExchange").doesNotContain("Window");
    assertThat(plan.split("Exchange hashpartitioning", -1)).as(plan).hasSize(3);
  }

  @Test
  void aLineItemBuyingThroughTwoDealsKeepsOneRowPerDeal(SparkSession spark) {
    Dataset<Row> bronze =
        spark.createDataFrame(
            List.of(
                row("2026-11-03", "b1", "2026-11-02", "li1", 100, "4502197"),
                row("2026-11-03", "b1", "2026-11-02", "li1", 50, " 4502198 "),
                row("2026-11-03", "b1", "2026-11-02", "li1", 20, ""),
                row("2026-11-03", "b1", "2026-11-02", "li1", 5, null)),
            BRONZE_DV360);
    List<Row> out = Dv360Delivery.toDelivery(bronze).orderBy("deal_id").collectAsList();
    // The open-auction rows (no deal: an empty cell and no cell alike) are one row of 25
    // impressions.
    assertThat(out)
        .extracting(r -> r.<String>getAs("deal_id"))
        .containsExactly(null, "4502197", "4502198");
    assertThat(out).extracting(r -> r.<Long>getAs("impressions")).containsExactly(25L, 100L, 50L);
  }

  private static Row row(
      String delivery, String batch, String day, String lineItem, long impressions) {
    return row(delivery, batch, day, lineItem, impressions, null);
  }

  private static Row row(
      String delivery, String batch, String day, String lineItem, long impressions, String deal) {
    BigDecimal cost = BigDecimal.valueOf(impressions).movePointLeft(2);
    return RowFactory.create(
        "acme",
        Date.valueOf(delivery),
        batch,
        Timestamp.valueOf(delivery + " 06:00:00"),
        Date.valueOf(day),
        "adv1",
        "Acme",
        "EUR",
        "io1",
        "IO one",
        lineItem,
        lineItem.toUpperCase(),
        deal,
        impressions,
        1L,
        BigDecimal.ZERO,
        cost,
        cost,
        cost,
        scala.collection.immutable.Map$.MODULE$.empty());
  }
}

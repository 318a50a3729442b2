package io.adlake.transforms.gold;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.SharedSpark;
import io.adlake.transforms.formats.Values;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
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

/** Every status, the floor, and day alignment across timezones, on hand-written silver rows. */
@ExtendWith(SharedSpark.class)
class RevenueReconciliationTest {

  static final StructType DELIVERY =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("report_date", DataTypes.DateType)
          .add("platform", DataTypes.StringType)
          .add("deal_id", DataTypes.StringType)
          .add("reporting_currency", DataTypes.StringType)
          .add("timezone", DataTypes.StringType)
          .add("fx_status", DataTypes.StringType)
          .add("impressions", DataTypes.LongType)
          .add("media_cost_rc", Values.AMOUNT);

  static final StructType SUPPLY =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("report_date", DataTypes.DateType)
          .add("ssp", DataTypes.StringType)
          .add("deal_id", DataTypes.StringType)
          .add("reporting_currency", DataTypes.StringType)
          .add("timezone", DataTypes.StringType)
          .add("fx_status", DataTypes.StringType)
          .add("impressions", DataTypes.LongType)
          .add("gross_revenue_rc", Values.AMOUNT)
          .add("net_revenue_rc", Values.AMOUNT);

  static final StructType SETTINGS =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("reporting_currency", DataTypes.StringType)
          .add("tolerance", Values.RATE)
          .add("floor", Values.AMOUNT);

  private static final String DAY = "2026-11-07";
  private static final String NY = "America/New_York";

  @Test
  void eachStatusWithTheToleranceAndTheFloor(SparkSession spark) {
    List<Row> buy = new ArrayList<>();
    List<Row> sell = new ArrayList<>();
    // deal: DSP spend, SSP gross (null = that side does not report it)
    deal(buy, sell, "within", "1000", "950"); // +50 / 950 = +5.26 %
    deal(buy, sell, "edge", "1100", "1000"); // +100 / 1000 = exactly +10 %: within
    deal(buy, sell, "under_edge", "1000", "1100"); // -100 / 1100 = -9.09 %
    deal(buy, sell, "dsp_over", "1200", "1000"); // +20 %
    deal(buy, sell, "ssp_over", "800", "1000"); // -20 %
    deal(buy, sell, "tiny", "40", "20"); // +100 %, but a difference of 20 is under the floor of 50
    deal(buy, sell, "floor_edge", "150", "100"); // +50 %, difference exactly 50: the floor holds
    deal(buy, sell, "dsp_only", "300", null);
    deal(buy, sell, "ssp_only", null, "250");
    deal(buy, sell, "no_fx", "500", "500");
    // a second DSP line of the deal whose rate is missing: its total is unknown, so no verdict
    buy.add(
        RowFactory.create(
            "o1", Date.valueOf(DAY), "ttd", "no_fx", "EUR", NY, "missing_rate", 10L, null));
    // open auction on both sides: not a deal, not reconciled
    buy.add(
        RowFactory.create(
            "o1", Date.valueOf(DAY), "dv360", null, "EUR", NY, "same_currency", 10L, amount("70")));
    sell.add(
        RowFactory.create(
            "o1",
            Date.valueOf(DAY),
            "gam",
            null,
            "EUR",
            NY,
            "same_currency",
            10L,
            amount("90"),
            amount("70")));
    // an org that ingests no SSP report: its deals are not judged
    buy.add(
        RowFactory.create(
            "o2",
            Date.valueOf(DAY),
            "dv360",
            "elsewhere",
            "EUR",
            NY,
            "same_currency",
            10L,
            amount("70")));

    Map<String, Row> byDeal = reconcile(spark, buy, sell, "0.10", "50");
    assertThat(byDeal.keySet())
        .containsExactlyInAnyOrder(
            "within",
            "edge",
            "under_edge",
            "dsp_over",
            "ssp_over",
            "tiny",
            "floor_edge",
            "dsp_only",
            "ssp_only",
            "no_fx");
    assertStatus(byDeal.get("within"), "within_tolerance", "tolerance", "50.000000", "0.0526");
    assertStatus(byDeal.get("edge"), "within_tolerance", "tolerance", "100.000000", "0.1000");
    assertStatus(
        byDeal.get("under_edge"), "within_tolerance", "tolerance", "-100.000000", "-0.0909");
    assertStatus(byDeal.get("dsp_over"), "dsp_over", "tolerance", "200.000000", "0.2000");
    assertStatus(byDeal.get("ssp_over"), "ssp_over", "tolerance", "-200.000000", "-0.2000");
    assertStatus(byDeal.get("tiny"), "within_tolerance", "floor", "20.000000", "1.0000");
    assertStatus(byDeal.get("floor_edge"), "within_tolerance", "floor", "50.000000", "0.5000");
    assertStatus(byDeal.get("dsp_only"), "dsp_only", null, null, null);
    assertStatus(byDeal.get("ssp_only"), "ssp_only", null, null, null);
    assertStatus(byDeal.get("no_fx"), "missing_fx", null, null, null);
    assertThat(byDeal.get("no_fx").<BigDecimal>getAs("dsp_spend"))
        .isNull(); // 500 known + one line unknown: unknown
    assertThat(byDeal.get("dsp_only").<String>getAs("day_alignment")).isEqualTo("one_side_only");
    assertThat(byDeal.get("no_fx").<String>getAs("dsp_platforms")).isEqualTo("dv360,ttd");

    // A stricter org: 5 % and a floor of 10 turn two of them into breaks.
    Map<String, Row> strict = reconcile(spark, buy, sell, "0.05", "10");
    assertStatus(strict.get("within"), "dsp_over", "tolerance", "50.000000", "0.0526");
    assertStatus(strict.get("tiny"), "dsp_over", "tolerance", "20.000000", "1.0000");
  }

  @Test
  void aGamDayInTheNetworkTimezoneAgainstADv360DayInTheAccountTimezone(SparkSession spark) {
    // The DV360 account reports New York days, the Ad Manager network London days. Days pair on the
    // calendar date
    // each reports; the offset says London's midnight comes 5 hours before New York's in November
    // and July, and 4
    // in the weeks when the US has moved its clocks and Britain has not (8 to 29 March 2026).
    List<Row> buy = new ArrayList<>();
    List<Row> sell = new ArrayList<>();
    for (String day : List.of("2026-11-07", "2026-07-01", "2026-03-10")) {
      buy.add(
          RowFactory.create(
              "o1",
              Date.valueOf(day),
              "dv360",
              "d-" + day,
              "EUR",
              NY,
              "same_currency",
              1000L,
              amount("500")));
      sell.add(
          RowFactory.create(
              "o1",
              Date.valueOf(day),
              "gam",
              "d-" + day,
              "EUR",
              "Europe/London",
              "same_currency",
              980L,
              amount("490"),
              amount("400")));
    }
    // Same boundaries: a GAM network and a DV360 account both in Berlin, and Monetize's EST5EDT
    // against New York.
    buy.add(
        RowFactory.create(
            "o1",
            Date.valueOf(DAY),
            "dv360",
            "berlin",
            "EUR",
            "Europe/Berlin",
            "same_currency",
            1000L,
            amount("500")));
    sell.add(
        RowFactory.create(
            "o1",
            Date.valueOf(DAY),
            "gam",
            "berlin",
            "EUR",
            "Europe/Berlin",
            "same_currency",
            1000L,
            amount("500"),
            amount("400")));
    buy.add(
        RowFactory.create(
            "o1",
            Date.valueOf(DAY),
            "ttd",
            "est",
            "EUR",
            NY,
            "same_currency",
            1000L,
            amount("500")));
    sell.add(
        RowFactory.create(
            "o1",
            Date.valueOf(DAY),
            "monetize",
            "est",
            "EUR",
            "EST5EDT",
            "same_currency",
            1000L,
            amount("500"),
            amount("400")));
    // One deal bought from accounts in two zones: no single offset.
    buy.add(
        RowFactory.create(
            "o1",
            Date.valueOf(DAY),
            "dv360",
            "mixed",
            "EUR",
            NY,
            "same_currency",
            500L,
            amount("250")));
    buy.add(
        RowFactory.create(
            "o1",
            Date.valueOf(DAY),
            "ttd",
            "mixed",
            "EUR",
            "UTC",
            "same_currency",
            500L,
            amount("250")));
    sell.add(
        RowFactory.create(
            "o1",
            Date.valueOf(DAY),
            "gam",
            "mixed",
            "EUR",
            "UTC",
            "same_currency",
            1000L,
            amount("500"),
            amount("400")));

    Map<String, Row> byDeal = reconcile(spark, buy, sell, "0.10", "50");
    assertAlignment(byDeal.get("d-2026-11-07"), "calendar_date_shifted", "5.00");
    assertAlignment(byDeal.get("d-2026-07-01"), "calendar_date_shifted", "5.00");
    assertAlignment(byDeal.get("d-2026-03-10"), "calendar_date_shifted", "4.00");
    assertAlignment(byDeal.get("berlin"), "same_day_boundaries", "0.00");
    assertAlignment(byDeal.get("est"), "same_day_boundaries", "0.00");
    assertAlignment(byDeal.get("mixed"), "mixed_timezones", null);
    Row shifted = byDeal.get("d-2026-11-07");
    assertThat(shifted.<String>getAs("dsp_timezone")).isEqualTo(NY);
    assertThat(shifted.<String>getAs("ssp_timezone")).isEqualTo("Europe/London");
    assertThat(byDeal.get("mixed").<String>getAs("dsp_timezone")).isEqualTo("mixed");
    // 1000 DSP impressions against 980: +2.04 %
    assertThat(shifted.<BigDecimal>getAs("impressions_discrepancy_pct"))
        .isEqualByComparingTo("0.0204");
    assertThat(shifted.<String>getAs("status")).isEqualTo("within_tolerance");
  }

  private static Map<String, Row> reconcile(
      SparkSession spark, List<Row> buy, List<Row> sell, String tolerance, String floor) {
    Dataset<Row> buySell =
        BuySellDaily.build(
            spark.createDataFrame(buy, DELIVERY), spark.createDataFrame(sell, SUPPLY));
    Dataset<Row> settings =
        spark.createDataFrame(
            List.of(
                RowFactory.create("o1", "EUR", new BigDecimal(tolerance), new BigDecimal(floor))),
            SETTINGS);
    return RevenueReconciliation.build(buySell, settings).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.<String>getAs("deal_id"), r -> r));
  }

  private static void deal(List<Row> buy, List<Row> sell, String id, String dsp, String ssp) {
    if (dsp != null) {
      buy.add(
          RowFactory.create(
              "o1",
              Date.valueOf(DAY),
              "dv360",
              id,
              "EUR",
              NY,
              "same_currency",
              1000L,
              amount(dsp)));
    }
    if (ssp != null) {
      sell.add(
          RowFactory.create(
              "o1",
              Date.valueOf(DAY),
              "gam",
              id,
              "EUR",
              NY,
              "same_currency",
              1000L,
              amount(ssp),
              amount(ssp).multiply(new BigDecimal("0.8"))));
    }
  }

  private static BigDecimal amount(String value) {
    return new BigDecimal(value).setScale(6);
  }

  private static void assertStatus(
      Row row, String status, String judgedBy, String discrepancy, String pct) {
    assertThat(row.<String>getAs("status")).as(row.<String>getAs("deal_id")).isEqualTo(status);
    assertThat(row.<String>getAs("judged_by")).as(row.<String>getAs("deal_id")).isEqualTo(judgedBy);
    assertThat(row.<BigDecimal>getAs("discrepancy"))
        .as(row.<String>getAs("deal_id"))
        .isEqualTo(discrepancy == null ? null : new BigDecimal(discrepancy));
    assertThat(row.<BigDecimal>getAs("discrepancy_pct"))
        .as(row.<String>getAs("deal_id"))
        .isEqualTo(pct == null ? null : new BigDecimal(pct));
  }

  private static void assertAlignment(Row row, String alignment, String offset) {
    assertThat(row.<String>getAs("day_alignment"))
        .as(row.<String>getAs("deal_id"))
        .isEqualTo(alignment);
    assertThat(row.<BigDecimal>getAs("timezone_offset_hours"))
        .as(row.<String>getAs("deal_id"))
        .isEqualTo(offset == null ? null : new BigDecimal(offset));
  }
}

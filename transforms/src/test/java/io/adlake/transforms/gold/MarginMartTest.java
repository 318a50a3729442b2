package io.adlake.transforms.gold;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.SharedSpark;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Window 1-3 Nov 2026; every figure is worked out by hand beside it. */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarginMartTest {

  private List<Row> daily;
  private List<Row> monthly;

  @BeforeAll
  void build(SparkSession spark) {
    GoldFrames f = new GoldFrames(spark, "2026-11-03");
    f.delivery("2026-11-01", "dv360", "io1", "li1", 1500, 3, "EUR", "10", "10")
        .delivery("2026-11-01", "dv360", "io1", "li2", 500, 1, "EUR", "5", "5")
        .delivery("2026-11-02", "ttd", "c7", "ag1", 4000, 10, "USD", "15", "12")
        .delivery("2026-11-01", "meta", "mc1", "set1", 9000, 20, "EUR", "30", "30")
        .delivery("2026-11-02", "dv360", "io9", "li9", 3000, 2, "EUR", "25", "25")
        .delivery("2026-11-01", "dv360", "io4", "li4", 1000, 1, "EUR", "5", "5")
        .delivery(
            "2026-11-05", "dv360", "io1", "li1", 1000, 1, "EUR", "5", "5"); // outside the window
    f.rate("2026-10-30", "USD", "1.25"); // Friday's rate serves the Monday
    f.booking("B1", "dv360", "io1", "2026-11-01", "2026-11-30", "5000", "10", "CPM", "EUR")
        .booking("B2", "ttd", "c7", "2026-11-01", "2026-11-30", "2000", "2", "CPC", "USD")
        .booking("B3", "meta", "mc1", "2026-11-01", "2026-11-30", "3000", null, "FLAT", "EUR")
        .booking("B4", "dv360", "io4", "2026-11-02", "2026-11-30", "1000", "10", "CPM", "EUR");
    Dataset<Row> rows =
        MarginMart.daily(f.inputs(), Date.valueOf("2026-11-01"), Date.valueOf("2026-11-03"))
            .cache();
    daily = rows.orderBy("booking_line_id", "report_date").collectAsList();
    monthly = MarginMart.monthly(rows).orderBy("booking_line_id").collectAsList();
  }

  @Test
  void cpmBooking() {
    Row b1 = only("B1", "2026-11-01");
    assertThat(b1.<Long>getAs("impressions")).isEqualTo(2000L);
    assertThat(amount(b1, "billable_revenue")).isEqualByComparingTo("20"); // 10 x 2000 / 1000
    assertThat(amount(b1, "total_media_cost")).isEqualByComparingTo("15");
    assertThat(amount(b1, "media_cost")).isEqualByComparingTo("12"); // 0.8 x 15 in the fixture
    assertThat(amount(b1, "gross_margin")).isEqualByComparingTo("5");
    assertThat(amount(b1, "margin_pct")).isEqualByComparingTo("0.25");
  }

  @Test
  void cpcBookingInAnotherCurrency() {
    Row b2 = only("B2", "2026-11-02");
    assertThat(amount(b2, "booking_fx_rate")).isEqualByComparingTo("0.8"); // 1 / 1.25
    assertThat(amount(b2, "billable_revenue"))
        .isEqualByComparingTo("16"); // 2 USD x 0.8 x 10 clicks
    assertThat(amount(b2, "gross_margin")).isEqualByComparingTo("4"); // 16 - 12
  }

  @Test
  void flatFeeSpreadOverEveryFlightDay() {
    List<Row> b3 = daily.stream().filter(r -> r.getAs("booking_line_id").equals("B3")).toList();
    assertThat(b3).hasSize(3); // 3 Nov has no delivery and still earns its share
    assertThat(b3)
        .allSatisfy(
            r ->
                assertThat(amount(r, "billable_revenue")).isEqualByComparingTo("100")); // 3000 / 30
    assertThat(amount(b3.get(0), "gross_margin")).isEqualByComparingTo("70");
    assertThat(amount(b3.get(2), "total_media_cost")).isEqualByComparingTo("0");

    Row month =
        monthly.stream()
            .filter(r -> r.getAs("booking_line_id").equals("B3"))
            .findFirst()
            .orElseThrow();
    assertThat(month.<Date>getAs("month")).isEqualTo(Date.valueOf("2026-11-01"));
    assertThat(month.<Long>getAs("days")).isEqualTo(3L);
    assertThat(amount(month, "billable_revenue")).isEqualByComparingTo("300");
    assertThat(amount(month, "gross_margin")).isEqualByComparingTo("270");
    assertThat(amount(month, "margin_pct")).isEqualByComparingTo("0.9");
  }

  @Test
  void unbookedSpendIsKeptNotDropped() {
    Row unbooked = only("unbooked:dv360:io9", "2026-11-02");
    assertThat(unbooked.<Boolean>getAs("is_booked")).isFalse();
    assertThat(amount(unbooked, "billable_revenue")).isEqualByComparingTo("0");
    assertThat(amount(unbooked, "gross_margin")).isEqualByComparingTo("-25");
    assertThat(unbooked.<BigDecimal>getAs("margin_pct")).isNull();
    assertThat(unbooked.<String>getAs("reporting_currency")).isEqualTo("EUR");
  }

  @Test
  void deliveryBeforeTheFlightBillsNothing() {
    Row early = only("B4", "2026-11-01");
    assertThat(early.<Boolean>getAs("in_flight")).isFalse();
    assertThat(amount(early, "billable_revenue")).isEqualByComparingTo("0");
    assertThat(amount(early, "gross_margin")).isEqualByComparingTo("-5");
  }

  @Test
  void everyDeliveredCostIsAccountedFor() {
    // 15 + 12 + 30 + 25 + 5 inside the window: the margin table loses no spend
    BigDecimal cost =
        daily.stream()
            .map(r -> amount(r, "total_media_cost"))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(cost).isEqualByComparingTo("87");
    assertThat(daily)
        .extracting(r -> r.<String>getAs("booking_line_id") + "@" + r.getAs("report_date"))
        .doesNotHaveDuplicates();
  }

  private Row only(String booking, String day) {
    List<Row> match =
        daily.stream()
            .filter(
                r ->
                    r.getAs("booking_line_id").equals(booking)
                        && r.getAs("report_date").equals(Date.valueOf(day)))
            .toList();
    assertThat(match).hasSize(1);
    return match.get(0);
  }

  private static BigDecimal amount(Row row, String column) {
    return row.getAs(column);
  }
}

package io.adlake.transforms.gold;

import static io.adlake.transforms.gold.GoldFrames.segment;
import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.SharedSpark;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every expected figure below is worked out by hand in the comment beside it. As-of date:
 * 2026-11-10.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PacingMartTest {

  private Map<String, Row> rows;

  @BeforeAll
  void build(SparkSession spark) {
    GoldFrames f = new GoldFrames(spark, "2026-11-10");
    for (int d = 1; d <= 10; d++) {
      String day = LocalDate.of(2026, 11, d).toString();
      f.spend(day, "dv360", "io1", "li1", "60")
          .spend(day, "dv360", "io1", "li2", "40"); // io1: 100 a day
      f.spend(day, "dv360", "io6", "li6", "45");
    }
    f.spend("2026-11-10", "dv360", "io5", "li5", "150");
    for (int d = 4; d <= 9; d++) {
      f.spend(LocalDate.of(2026, 11, d).toString(), "dv360", "io7", "li7", "20");
    }
    f.spend("2026-11-10", "dv360", "io7", "li7", "100"); // five times its usual day
    f.spend("2026-10-31", "dv360", "io1", "li1", "999"); // before every flight: not spend to date
    f.delivery("2026-11-10", "ttd", "c7", "ag1", 5000, 4, "USD", "50", "40"); // 50 USD = 40 EUR
    f.rate("2026-11-10", "USD", "1.25");

    f.booking("B1", "dv360", "io1", "2026-11-01", "2026-11-30", "3000", "10", "CPM", "EUR")
        .booking("B2", "dv360", "io2", "2026-11-15", "2026-11-30", "3000", "10", "CPM", "EUR")
        .booking("B3", "dv360", "io3", "2026-10-01", "2026-10-31", "3000", "10", "CPM", "EUR")
        .booking("B4", "dv360", "io4", "2026-11-01", "2026-11-30", "0", "10", "CPM", "EUR")
        .booking("B5", "dv360", "io5", "2026-11-10", "2026-11-19", "1000", "10", "CPM", "EUR")
        .booking("B6", "dv360", "io6", "2026-11-01", "2026-11-10", "500", "10", "CPM", "EUR")
        .booking("B7", "ttd", "c7", "2026-11-01", "2026-11-20", "200", "2", "CPC", "USD");

    f.entity(
            "dv360",
            "insertion_order",
            "io1",
            "camp1",
            "IO one",
            "Active",
            "3000",
            null,
            "Even",
            "2026-11-01",
            "2026-11-30",
            null,
            List.of(
                segment("1200", "2026-11-01", "2026-11-10"),
                segment("1800", "2026-11-11", "2026-11-30")),
            true)
        .entity(
            "dv360",
            "line_item",
            "li1",
            "io1",
            "LI one",
            "1000",
            "20",
            "Even",
            "2026-11-01",
            "2026-11-30",
            null)
        .entity(
            "dv360",
            "line_item",
            "li2",
            "io1",
            "LI two",
            "600",
            null,
            "ASAP",
            "2026-11-01",
            "2026-11-30",
            null)
        .entity(
            "dv360",
            "line_item",
            "li8",
            "io1",
            "LI reversed",
            "300",
            null,
            "Even",
            "2026-11-12",
            "2026-11-05",
            null)
        .entity(
            "dv360",
            "line_item",
            "li9",
            "io1",
            "LI silent",
            "300",
            null,
            "Even",
            "2026-11-01",
            "2026-11-30",
            null)
        .entity(
            "dv360",
            "line_item",
            "li7",
            "io7",
            "LI spiking",
            "3000",
            null,
            "Even",
            "2026-11-01",
            "2026-11-30",
            null)
        .entity(
            "dv360",
            "insertion_order",
            "io2",
            "camp1",
            "IO upcoming",
            "3000",
            null,
            "Even",
            "2026-11-15",
            "2026-11-30",
            null)
        .entity("ttd", "ad_group", "ag1", "c7", "AG one", "200", null, "Even", null, null, "USD")
        .entity("ttd", "ad_group", "ag2", "c9", "AG two", "200", null, "Even", null, null, "USD")
        .entity(
            "meta",
            "ad_set",
            "set9",
            "mc9",
            "Set nine",
            "Active",
            "900",
            null,
            "Even",
            "2026-11-01",
            "2026-11-30",
            "JPY",
            null,
            true)
        .entity(
            "dv360",
            "line_item",
            "li0",
            "io1",
            "LI archived",
            "Archived",
            "5",
            null,
            "Even",
            "2026-11-01",
            "2026-11-30",
            null,
            null,
            true);

    rows =
        PacingMart.build(f.inputs()).collectAsList().stream()
            .collect(Collectors.toMap(r -> r.<String>getAs("entity_id"), Function.identity()));
  }

  @Test
  void bookingOnEvenPace() {
    Row b1 = rows.get("B1");
    assertThat(b1.<String>getAs("entity_type")).isEqualTo("booking_line");
    assertThat(b1.<Integer>getAs("flight_days")).isEqualTo(30);
    assertThat(b1.<Integer>getAs("elapsed_days"))
        .isEqualTo(10); // 1 Nov through 10 Nov, both counted
    assertThat(b1.<Integer>getAs("remaining_days")).isEqualTo(20);
    assertThat(amount(b1, "spend_to_date"))
        .isEqualByComparingTo("1000"); // 10 x 100; 31 Oct is before the flight
    assertThat(amount(b1, "expected_spend_to_date")).isEqualByComparingTo("1000"); // 3000 x 10 / 30
    assertThat(amount(b1, "pacing_index")).isEqualByComparingTo("1");
    assertThat(amount(b1, "pct_ahead_behind")).isEqualByComparingTo("0");
    assertThat(amount(b1, "run_rate_daily")).isEqualByComparingTo("100"); // 7 x 100 / 7
    assertThat(amount(b1, "projected_end_spend")).isEqualByComparingTo("3000"); // 1000 + 100 x 20
    assertThat(amount(b1, "remaining_budget")).isEqualByComparingTo("2000");
    assertThat(amount(b1, "required_daily_spend")).isEqualByComparingTo("100"); // 2000 / 20
    assertThat(b1.<String>getAs("status")).isEqualTo("on_track");
  }

  @Test
  void budgetSegmentsSetTheExpectedSpend() {
    Row io1 = rows.get("io1");
    // first segment fully elapsed (1200 x 10/10), second not begun (1800 x 0/20)
    assertThat(amount(io1, "expected_spend_to_date")).isEqualByComparingTo("1200");
    assertThat(amount(io1, "spend_to_date")).isEqualByComparingTo("1000");
    assertThat(amount(io1, "pacing_index")).isEqualByComparingTo("0.8333333333"); // 1000 / 1200
    assertThat(amount(io1, "pct_ahead_behind")).isEqualByComparingTo("-16.67");
    assertThat(io1.<String>getAs("status")).isEqualTo("under");
  }

  @Test
  void projectionHeldToTheDailyCapAndTheBudget() {
    Row li1 = rows.get("li1");
    assertThat(amount(li1, "expected_spend_to_date"))
        .isEqualByComparingTo("333.333333"); // 1000 x 10 / 30
    assertThat(amount(li1, "pacing_index"))
        .isEqualByComparingTo("1.8000000018"); // 600 / 333.333333
    assertThat(li1.<String>getAs("status")).isEqualTo("over");
    assertThat(amount(li1, "run_rate_daily")).isEqualByComparingTo("60");
    // 600 + min(60, cap 20) x 20 = 1000, within the budget of 1000
    assertThat(amount(li1, "projected_end_spend")).isEqualByComparingTo("1000");
    assertThat(amount(li1, "required_daily_spend")).isEqualByComparingTo("20"); // (1000 - 600) / 20
  }

  @Test
  void asapIsNotFlaggedAsOver() {
    Row li2 = rows.get("li2");
    assertThat(amount(li2, "pacing_index")).isEqualByComparingTo("2"); // 400 / (600 x 10/30)
    assertThat(li2.<String>getAs("status")).isEqualTo("on_track");
    assertThat(li2.<Boolean>getAs("ahead_by_design")).isTrue();
    // 400 + 40 x 20 = 1200, but the platform stops at the budget
    assertThat(amount(li2, "projected_end_spend")).isEqualByComparingTo("600");
    assertThat(rows).doesNotContainKey("li0"); // archived entities are not paced
  }

  @Test
  void dv360BudgetsTakeTheirCurrencyFromTheCampaign() {
    Row silent =
        rows.get("li9"); // no delivery of its own: its insertion order's delivery is in EUR
    assertThat(amount(silent, "budget")).isEqualByComparingTo("300");
    assertThat(amount(silent, "spend_to_date")).isEqualByComparingTo("0");
    assertThat(silent.<String>getAs("status")).isEqualTo("under");
    Row upcoming =
        rows.get("io2"); // nothing delivered at all: the booking of its campaign is in EUR
    assertThat(upcoming.<String>getAs("budget_currency")).isEqualTo("EUR");
    assertThat(amount(upcoming, "budget")).isEqualByComparingTo("3000");
    assertThat(upcoming.<String>getAs("status")).isEqualTo("not_started");
  }

  @Test
  void theAsOfDaysSpendAgainstTheDaysBeforeItShowsASpike() {
    Row spiking = rows.get("li7");
    assertThat(amount(spiking, "day_spend")).isEqualByComparingTo("100");
    assertThat(amount(spiking, "baseline_daily_spend"))
        .isEqualByComparingTo("20"); // 6 x 20 over the 6 days before
    assertThat(amount(spiking, "spend_vs_baseline")).isEqualByComparingTo("5");
    assertThat(amount(rows.get("li1"), "spend_vs_baseline")).isEqualByComparingTo("1");
    assertThat(amount(rows.get("li9"), "day_spend")).isEqualByComparingTo("0");
    assertThat(rows.get("li9").<BigDecimal>getAs("spend_vs_baseline"))
        .as("nothing spent before: no ratio")
        .isNull();
    assertThat(rows.get("B5").<BigDecimal>getAs("baseline_daily_spend"))
        .as("first flight day: no day before")
        .isNull();
    assertThat(rows.get("B3").<BigDecimal>getAs("day_spend")).as("ended flight").isNull();
  }

  @Test
  void flightEdges() {
    assertThat(rows.get("B2").<String>getAs("status")).isEqualTo("not_started");
    assertThat(rows.get("B2").<Integer>getAs("elapsed_days")).isZero();
    assertThat(amount(rows.get("B2"), "expected_spend_to_date")).isEqualByComparingTo("0");
    assertThat(rows.get("B3").<String>getAs("status")).isEqualTo("ended");
    assertThat(rows.get("B3").<Integer>getAs("remaining_days")).isZero();
    assertThat(rows.get("B4").<String>getAs("status")).isEqualTo("no_budget");
    assertThat(rows.get("B4").<BigDecimal>getAs("pacing_index"))
        .isNull(); // zero expected: no index, not infinity

    Row first = rows.get("B5"); // first day of a 10-day flight
    assertThat(first.<Integer>getAs("elapsed_days")).isEqualTo(1);
    assertThat(amount(first, "expected_spend_to_date")).isEqualByComparingTo("100"); // 1000 x 1/10
    assertThat(amount(first, "run_rate_daily"))
        .isEqualByComparingTo("150"); // one flight day in the window
    assertThat(amount(first, "projected_end_spend"))
        .isEqualByComparingTo("1500"); // 150 + 150 x 9, bookings uncapped
    assertThat(first.<String>getAs("status")).isEqualTo("over");

    Row last = rows.get("B6"); // last day of the flight
    assertThat(last.<Integer>getAs("remaining_days")).isZero();
    assertThat(amount(last, "pacing_index"))
        .isEqualByComparingTo("0.9"); // 450 / 500: on the threshold is not under
    assertThat(last.<String>getAs("status")).isEqualTo("on_track");
    assertThat(last.<BigDecimal>getAs("required_daily_spend"))
        .isNull(); // no day left to spend it in
    assertThat(amount(last, "projected_end_spend")).isEqualByComparingTo("450");
  }

  @Test
  void foreignBudgetsInTheReportingCurrencyAndFlightsFromTheBooking() {
    Row ag1 = rows.get("ag1");
    assertThat(ag1.<String>getAs("flight_source"))
        .isEqualTo("booking"); // TTD exports carry no flight
    assertThat(ag1.<Integer>getAs("flight_days")).isEqualTo(20);
    assertThat(amount(ag1, "budget")).isEqualByComparingTo("160"); // 200 USD / 1.25
    assertThat(amount(ag1, "spend_to_date")).isEqualByComparingTo("40");
    assertThat(amount(ag1, "expected_spend_to_date")).isEqualByComparingTo("80"); // 160 x 10 / 20
    assertThat(ag1.<String>getAs("status")).isEqualTo("under");
    assertThat(rows.get("B7").<String>getAs("status"))
        .isEqualTo("under"); // the booking sees the same 40 of 80

    assertThat(rows.get("ag2").<String>getAs("status"))
        .isEqualTo("no_flight"); // nothing books its campaign
    assertThat(rows.get("li8").<String>getAs("status"))
        .isEqualTo("no_flight"); // ends before it starts: QA names it
    assertThat(rows.get("set9").<String>getAs("status"))
        .isEqualTo("missing_fx"); // no JPY rate: no guess
    assertThat(rows.get("set9").<BigDecimal>getAs("budget")).isNull();
  }

  @Test
  void thresholdsComeFromTheOrg(SparkSession spark) {
    GoldFrames f = new GoldFrames(spark, "2026-11-10");
    f.booking("B1", "dv360", "io1", "2026-11-01", "2026-11-30", "3000", "10", "CPM", "EUR");
    for (int d = 1; d <= 10; d++) {
      f.spend(LocalDate.of(2026, 11, d).toString(), "dv360", "io1", "li1", "87");
    }
    // 870 / 1000 = 0.87: under with the default 0.90, on track with 0.85
    assertThat(PacingMart.build(f.inputs()).first().<String>getAs("status")).isEqualTo("under");
    assertThat(PacingMart.build(f.inputs("0.85", "1.15")).first().<String>getAs("status"))
        .isEqualTo("on_track");
  }

  private static BigDecimal amount(Row row, String column) {
    return row.getAs(column);
  }
}

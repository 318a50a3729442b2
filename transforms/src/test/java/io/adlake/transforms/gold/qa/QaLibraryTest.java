package io.adlake.transforms.gold.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adlake.catalog.SharedSpark;
import io.adlake.model.ConfigException;
import io.adlake.model.config.MartSettings;
import io.adlake.model.config.PacingSettings;
import io.adlake.model.config.QaCheckSettings;
import io.adlake.transforms.gold.GoldFrames;
import io.adlake.transforms.gold.GoldInputs;
import io.adlake.transforms.gold.PacingMart;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class QaLibraryTest {

  private static final PacingSettings PACING =
      new PacingSettings(new BigDecimal("0.9"), new BigDecimal("1.1"), 7);

  @Test
  void eachCheckFindsItsCaseAndNothingElse(SparkSession spark) {
    GoldInputs in = world(spark);
    MartSettings settings =
        new MartSettings(
            PACING, Map.of("no_frequency_cap", new QaCheckSettings(null, "high", null)), null);
    List<Row> found = findings(spark, in, settings);

    assertThat(found)
        .extracting(r -> r.getAs("entity_id") + " " + r.getAs("check_id"))
        .containsExactlyInAnyOrder(
            "li1 no_frequency_cap",
            "li2 line_item_outside_io_flight",
            "li2 no_recent_delivery",
            "li3 flight_end_before_start",
            "li3 flight_ended_while_active",
            "ag1 budget_missing",
            "set1 spend_over_budget",
            "B1 booking_budget_mismatch");

    Row cap = find(found, "li1", "no_frequency_cap");
    assertThat(cap.<String>getAs("severity"))
        .isEqualTo("high"); // the org's, not the default medium
    Row outside = find(found, "li2", "line_item_outside_io_flight");
    assertThat(outside.<String>getAs("found_value")).isEqualTo("2026-11-01 to 2026-12-05");
    assertThat(outside.<String>getAs("expected_value"))
        .isEqualTo("within 2026-11-01 to 2026-11-30");
    assertThat(find(found, "li2", "no_recent_delivery").<String>getAs("found_value"))
        .isEqualTo("last delivery never");
    Row over = find(found, "set1", "spend_over_budget");
    assertThat(over.<String>getAs("found_value")).isEqualTo("150.00");
    assertThat(over.<String>getAs("message"))
        .isEqualTo("spend to date exceeds the budget: found 150.00, expected at most 100.00");
    Row mismatch = find(found, "B1", "booking_budget_mismatch");
    assertThat(mismatch.<String>getAs("found_value"))
        .isEqualTo("150.00"); // ad sets 100 + 50 against 100 booked
    assertThat(mismatch.<String>getAs("expected_value")).isEqualTo("100.00 within 5.00%");
    assertThat(mismatch.<String>getAs("entity_type")).isEqualTo("booking_line");
  }

  @Test
  void orgsDisableChecksAndSetThresholds(SparkSession spark) {
    GoldInputs in = world(spark);
    MartSettings settings =
        new MartSettings(
            PACING,
            Map.of(
                "no_frequency_cap", new QaCheckSettings(false, null, null),
                "no_recent_delivery",
                    new QaCheckSettings(null, null, Map.of("days", new BigDecimal("2"))),
                "booking_budget_mismatch",
                    new QaCheckSettings(null, null, Map.of("tolerance", new BigDecimal("0.6")))),
            null);
    List<Row> found = findings(spark, in, settings);
    assertThat(found)
        .extracting(r -> r.<String>getAs("check_id"))
        .doesNotContain("no_frequency_cap", "booking_budget_mismatch"); // 50% < 60%
    // set2 last delivered 8 Nov: 2 days before the as-of date, a finding with days = 2 and not with
    // the default 3
    assertThat(found)
        .extracting(r -> r.getAs("entity_id") + " " + r.getAs("check_id"))
        .contains("set2 no_recent_delivery");
  }

  @Test
  void unknownChecksAndParametersAreRefusedByName(SparkSession spark) {
    MartSettings typo =
        new MartSettings(
            PACING, Map.of("no_frequncy_cap", new QaCheckSettings(null, null, null)), null);
    assertThatThrownBy(() -> QaLibrary.settings(spark, Map.of("acme", typo)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("org 'acme': unknown QA check 'no_frequncy_cap'");
    MartSettings badParam =
        new MartSettings(
            PACING,
            Map.of(
                "no_recent_delivery",
                new QaCheckSettings(null, null, Map.of("weeks", BigDecimal.ONE))),
            null);
    assertThatThrownBy(() -> QaLibrary.settings(spark, Map.of("acme", badParam)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("has no parameter 'weeks'; it takes [days]");
  }

  private static List<Row> findings(SparkSession spark, GoldInputs in, MartSettings settings) {
    Dataset<Row> pacing =
        PacingMart.build(in).localCheckpoint(); // as the gold job does: keeps the check plans small
    return QaLibrary.findings(
            in, pacing, QaLibrary.settings(spark, Map.of(GoldFrames.ORG, settings)))
        .collectAsList();
  }

  /** As of 10 Nov 2026. */
  private static GoldInputs world(SparkSession spark) {
    GoldFrames f = new GoldFrames(spark, "2026-11-10");
    for (int d = 1; d <= 10; d++) {
      f.spend(LocalDate.of(2026, 11, d).toString(), "dv360", "io1", "li1", "10");
    }
    f.spend("2026-11-10", "meta", "mc1", "set1", "150")
        .spend("2026-11-08", "meta", "mc1", "set2", "5");
    f.booking("B1", "meta", "mc1", "2026-11-01", "2026-11-30", "100", null, "FLAT", "EUR")
        .booking("B2", "dv360", "io1", "2026-11-01", "2026-11-30", "3000", "10", "CPM", "EUR");
    f.entity(
            "dv360",
            "insertion_order",
            "io1",
            "camp1",
            "IO",
            "3000",
            null,
            "Even",
            "2026-11-01",
            "2026-11-30",
            "EUR")
        .entity(
            "dv360",
            "line_item",
            "li1",
            "io1",
            "LI no cap",
            "Active",
            "100",
            null,
            "Even",
            "2026-11-01",
            "2026-11-30",
            "EUR",
            null,
            false)
        .entity(
            "dv360",
            "line_item",
            "li2",
            "io1",
            "LI too long",
            "100",
            null,
            "Even",
            "2026-11-01",
            "2026-12-05",
            "EUR")
        .entity(
            "dv360",
            "line_item",
            "li3",
            "io1",
            "LI reversed",
            "100",
            null,
            "Even",
            "2026-11-01",
            "2026-10-20",
            "EUR")
        .entity(
            "dv360",
            "line_item",
            "li4",
            "io1",
            "LI paused",
            "Paused",
            "100",
            null,
            "Even",
            "2026-11-01",
            "2026-11-30",
            "EUR",
            null,
            false)
        .entity("ttd", "ad_group", "ag1", "c1", "AG zero", "0", null, "Even", null, null, "EUR")
        .entity(
            "meta",
            "ad_set",
            "set1",
            "mc1",
            "Set over",
            "100",
            null,
            "Even",
            "2026-11-01",
            "2026-11-30",
            "EUR")
        .entity(
            "meta",
            "ad_set",
            "set2",
            "mc1",
            "Set quiet",
            "50",
            null,
            "Even",
            "2026-11-01",
            "2026-11-30",
            "EUR");
    return f.inputs();
  }

  private static Row find(List<Row> rows, String entity, String check) {
    return rows.stream()
        .filter(r -> r.getAs("entity_id").equals(entity) && r.getAs("check_id").equals(check))
        .findFirst()
        .orElseThrow();
  }
}

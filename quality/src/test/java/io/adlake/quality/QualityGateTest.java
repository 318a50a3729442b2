package io.adlake.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.SharedSpark;
import io.adlake.model.Tables;
import io.adlake.model.config.CheckSpec;
import io.adlake.model.config.QualitySettings;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gate over a real table and a real metric history: per-org anomalies, history rules, the
 * publish decision.
 */
@ExtendWith(SharedSpark.class)
class QualityGateTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 8);
  private static final StructType DELIVERY =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("report_date", DataTypes.DateType)
          .add("platform", DataTypes.StringType)
          .add("advertiser_id", DataTypes.StringType)
          .add("campaign_id", DataTypes.StringType)
          .add("line_item_id", DataTypes.StringType)
          .add("deal_id", DataTypes.StringType)
          .add("total_media_cost_rc", DataTypes.DoubleType);

  @Test
  void anOrgWhoseExportDidNotArriveIsAnAnomalyThatHoldsThatOrgAtErrorLevel(Lakehouse lakehouse)
      throws Exception {
    List<Row> delivery = new ArrayList<>();
    delivery.add(
        RowFactory.create("acme", Date.valueOf(DAY), "dv360", "a1", "c1", "l1", null, 60.0));
    delivery.add(
        RowFactory.create("acme", Date.valueOf(DAY), "dv360", "a1", "c1", "l2", null, 41.0));
    delivery.add(
        RowFactory.create(
            "kiwi",
            Date.valueOf(DAY.minusDays(1)),
            "ttd",
            "a9",
            "c9",
            "l9",
            null,
            50.0)); // yesterday only
    lakehouse.ensure(Tables.SILVER_DELIVERY, DELIVERY);
    lakehouse
        .spark()
        .createDataFrame(delivery, DELIVERY)
        .writeTo(lakehouse.name(Tables.SILVER_DELIVERY))
        .append();

    String spend = "sum(total_media_cost_rc)@report_date";
    String rows = "row_count@report_date";
    List<Row> history = new ArrayList<>();
    for (int d = 7; d >= 1; d--) {
      LocalDate day = DAY.minusDays(d);
      history.add(metric("run-" + d, spend, "acme", day, 100 + (d % 3), true));
      history.add(metric("run-" + d, spend, "kiwi", day, 50 - (d % 2), true));
      history.add(metric("run-" + d, rows, "acme", day, 2, true));
      history.add(metric("run-" + d, rows, "kiwi", day, 1, true));
    }
    // Decoys the history must leave out. Either would fail acme's row-count check if it got in (10
    // rows the day before against acme's 2 today is a drop of 80%): a later run of yesterday whose
    // gate failed, and the judged day itself.
    history.add(metric("run-bad", rows, "acme", DAY.minusDays(1), 10, false, 6));
    history.add(metric("run-today", rows, "acme", DAY, 10, true, 0));
    lakehouse.ensure(Tables.QUALITY_METRICS, GateRecords.METRICS);
    lakehouse
        .spark()
        .createDataFrame(history, GateRecords.METRICS)
        .writeTo(lakehouse.name(Tables.QUALITY_METRICS))
        .append();

    CheckSpec band =
        new CheckSpec(
            "anomaly",
            List.of("total_media_cost_rc"),
            null,
            null,
            null,
            "sum",
            "report_date",
            "band",
            null,
            null,
            3.0,
            5,
            "warning");
    CheckSpec drop =
        new CheckSpec(
            "anomaly",
            null,
            null,
            null,
            null,
            "row_count",
            "report_date",
            "rate_of_change",
            0.5,
            3.0,
            null,
            null,
            "error");
    QualityGate gate =
        new QualityGate(
            lakehouse,
            new QualitySettings(30, Map.of("silver.delivery_daily", List.of(band, drop))),
            Set.of("acme", "kiwi", "nova"),
            MetricHistory.load(lakehouse, DAY, 30));

    GateReport report = gate.run("run-8", "silver", List.of(Tables.SILVER_DELIVERY), DAY);

    assertThat(outcome(report, band, "acme").status()).isEqualTo("success");
    assertThat(outcome(report, band, "kiwi").status()).isEqualTo("failure");
    assertThat(outcome(report, band, "kiwi").message())
        .startsWith(spend + " = 0.0 against 49.0 before");
    assertThat(outcome(report, band, "nova").status()).isEqualTo("skipped");
    assertThat(outcome(report, band, "nova").message()).contains("history has 0 of the 5");
    assertThat(outcome(report, drop, "acme").status()).isEqualTo("success");
    // An org's anomaly at error level holds that org, not the run.
    assertThat(outcome(report, drop, "kiwi").holdsOrg()).isTrue();
    assertThat(outcome(report, drop, "kiwi").blocksPublish()).isFalse();
    assertThat(report.passed()).isTrue();
    assertThat(report.errors()).isEmpty();
    assertThat(report.heldOrgs()).containsOnlyKeys("kiwi");
    assertThat(report.summary())
        .contains("held 1 org(s): silver.delivery_daily anomaly(row_count,rate_of_change) [kiwi]");
    // the grain is always checked, without being configured
    assertThat(report.outcomes())
        .anySatisfy(
            o -> {
              assertThat(o.check()).startsWith("grain(org_id,report_date");
              assertThat(o.status()).isEqualTo("success");
            });
    assertThat(report.metrics())
        .hasSize(6)
        .anySatisfy(
            m -> {
              assertThat(m.orgId()).isEqualTo("acme");
              assertThat(m.metric()).isEqualTo(spend);
              assertThat(m.value()).isEqualTo(101.0);
            });
  }

  private static ConstraintOutcome outcome(GateReport report, CheckSpec spec, String org) {
    return report.outcomes().stream()
        .filter(o -> o.check().equals(spec.describe()) && o.orgId().equals(org))
        .findFirst()
        .orElseThrow();
  }

  private static Row metric(
      String run, String metric, String org, LocalDate day, double value, boolean passed) {
    return metric(run, metric, org, day, value, passed, 0);
  }

  /** A metric row recorded {@code hoursLater} hours after the start of its day. */
  private static Row metric(
      String run,
      String metric,
      String org,
      LocalDate day,
      double value,
      boolean passed,
      int hoursLater) {
    return RowFactory.create(
        run,
        "silver.delivery_daily",
        metric,
        org,
        Date.valueOf(day),
        value,
        passed,
        Timestamp.valueOf(day.atStartOfDay().plusHours(hoursLater)));
  }
}

package io.adlake.jobs.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.SharedSpark;
import io.adlake.catalog.landing.LandingScan;
import io.adlake.catalog.landing.LocalLandingStore;
import io.adlake.catalog.tables.GrainCheck;
import io.adlake.jobs.Progress;
import io.adlake.jobs.TestLanding;
import io.adlake.jobs.alerts.AlertsJob;
import io.adlake.jobs.alerts.AlertsReport;
import io.adlake.jobs.gold.GoldJob;
import io.adlake.jobs.ingest.IngestJob;
import io.adlake.jobs.run.OrgHolds;
import io.adlake.jobs.silver.SilverJob;
import io.adlake.jobs.writeback.Actor;
import io.adlake.jobs.writeback.PlanReport;
import io.adlake.jobs.writeback.WritebackLedger;
import io.adlake.jobs.writeback.WritebackPlanner;
import io.adlake.model.ChangeType;
import io.adlake.model.Platform;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import io.adlake.model.config.WritebackSettings;
import io.adlake.model.org.Org;
import io.adlake.model.org.OrgId;
import io.adlake.model.org.OrgRegistry;
import io.adlake.model.org.SourceOptions;
import io.adlake.transforms.gold.qa.QaLibrary;
import io.adlake.transforms.rules.RuleMart;
import io.adlake.transforms.rules.RuleType;
import io.adlake.transforms.writeback.ActionStatus;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample data reaches every pacing status and every QA check through the real jobs, not only in
 * unit tests.
 */
@ExtendWith(SharedSpark.class)
class SampleGoldTest {

  @Test
  void theSampleWorldExercisesEveryStatusAndCheck(Lakehouse lakehouse, @TempDir Path root)
      throws Exception {
    Map<String, SourceOptions> sources = new LinkedHashMap<>();
    for (String s : List.of("dv360", "ttd", "meta", "bookings", "setup", "fx", "monetize")) {
      sources.put(s, SourceOptions.defaults());
    }
    sources.put("gam", new SourceOptions(null, null, "Europe/Berlin", null, "EUR"));
    OrgRegistry orgs =
        new OrgRegistry(
            List.of(new Org(OrgId.of("acme"), "Acme", "EUR", "Europe/Berlin", sources)));
    LocalDate start = LocalDate.of(2026, 11, 2);
    int days = 5;
    LocalLandingStore store = new LocalLandingStore();
    new SampleExports(
            orgs, store, root.toString(), new SampleExports.Settings(start, days, 7L, false))
        .writeAll();
    LandingScan scan = LandingScan.of(root.toString(), store.list(root.toString()));
    assertThat(
            new IngestJob(lakehouse, orgs, store, Progress.silent())
                .run(scan.slices(), scan.rejected())
                .reconciles())
        .isTrue();
    new SilverJob(lakehouse, orgs, 7, Progress.silent()).run(start, start.plusDays(days - 1));
    LocalDate asOf = start.plusDays(days - 2);
    new GoldJob(lakehouse, orgs, TestLanding.martSettings(), 7, Progress.silent()).run(asOf, days);

    for (TableSpec gold :
        List.of(
            Tables.GOLD_PACING,
            Tables.GOLD_MARGIN_DAILY,
            Tables.GOLD_MARGIN_MONTHLY,
            Tables.GOLD_QA_FINDINGS,
            Tables.GOLD_TAXONOMY,
            Tables.SILVER_SUPPLY,
            Tables.SILVER_DELIVERY,
            Tables.GOLD_BUY_SELL,
            Tables.GOLD_REVENUE_RECONCILIATION)) {
      assertThat(GrainCheck.check(gold.path(), lakehouse.read(gold), gold.grain()))
          .as(gold.path())
          .isEmpty();
    }
    List<String> statuses = values(lakehouse, "select distinct status from %s.gold.pacing");
    assertThat(statuses).contains("on_track", "under", "over", "not_started", "ended", "no_budget");
    assertThat(
            values(
                lakehouse, "select distinct cast(ahead_by_design as string) from %s.gold.pacing"))
        .contains("true");
    assertThat(values(lakehouse, "select distinct check_id from %s.gold.qa_findings"))
        .containsExactlyInAnyOrderElementsOf(QaLibrary.ids());
    assertThat(
            values(
                lakehouse,
                "select distinct booking_line_id from %s.gold.margin_daily where not is_booked"))
        .hasSize(1);
    List<String> names =
        values(
            lakehouse,
            "select concat(entity_name, ' -> ', coalesce(suggested_name, 'none')) from %s.gold.taxonomy_results where not is_valid");
    assertThat(names).anyMatch(n -> n.contains("CONSIDERATON") && n.contains("CONSIDERATION_"));
    assertThat(names)
        .anyMatch(n -> n.startsWith("UK_ACME_SOCIAL") && n.contains("-> ACME_UK_SOCIAL"));
    assertThat(names).anyMatch(n -> n.contains("_EMEA_") && n.endsWith("-> none"));
    assertThat(names).anyMatch(n -> n.startsWith("acme-"));

    // One deal of each reconciliation case, on both SSPs; Monetize's EST5EDT days are 6 hours after
    // Berlin's.
    assertThat(values(lakehouse, "select distinct status from %s.gold.revenue_reconciliation"))
        .containsExactlyInAnyOrder(
            "within_tolerance", "dsp_over", "ssp_over", "dsp_only", "ssp_only");
    assertThat(
            values(
                lakehouse,
                "select distinct concat(ssps, ' ', day_alignment, ' ', cast(timezone_offset_hours as string)) "
                    + "from %s.gold.revenue_reconciliation where dsp_platforms is not null and ssps is not null"))
        .containsExactlyInAnyOrder(
            "gam same_day_boundaries 0.00", "monetize calendar_date_shifted -6.00");
    // The buy side of a deal in gold is the sum of silver's lines of that deal.
    assertThat(
            values(
                lakehouse,
                "select cast(count(*) as string) from %1$s.gold.buy_sell_daily g join (select org_id, report_date, platform, deal_id, "
                    + "sum(media_cost_rc) as spend from %1$s.silver.delivery_daily group by 1, 2, 3, 4) s on g.org_id = s.org_id and g.report_date = s.report_date "
                    + "and g.platform = s.platform and g.deal_id <=> s.deal_id where g.side = 'buy' and g.media_cost <> s.spend"))
        .containsExactly("0");

    theShippedRulesReadRealColumnsAndRaiseTheSampleCases(lakehouse, orgs, asOf);
  }

  /**
   * conf/alerts.yaml over the sample gold: the allow-lists match the marts, and alerts open, stay
   * and resolve.
   */
  private static void theShippedRulesReadRealColumnsAndRaiseTheSampleCases(
      Lakehouse lakehouse, OrgRegistry orgs, LocalDate asOf) {
    for (RuleMart mart : RuleMart.values()) {
      // The sample builds gold without a gated run, so no run has held an org: the ledger's own
      // schema stands in.
      StructType schema =
          mart == RuleMart.ORG_HOLDS ? OrgHolds.SCHEMA : lakehouse.read(mart.table()).schema();
      mart.columns()
          .forEach(
              (column, type) ->
                  assertThat(RuleType.of(schema.apply(column).dataType()))
                      .as(mart.id() + "." + column)
                      .isEqualTo(type));
    }
    AlertsJob job = new AlertsJob(lakehouse, orgs, TestLanding.alertSettings(), Progress.silent());
    Instant wednesdayMorning = Instant.parse("2026-11-11T07:00:00Z");

    AlertsReport first = job.run(asOf, wednesdayMorning);

    assertThat(first.opened())
        .extracting(r -> r.<String>getAs("rule_id"))
        .contains(
            "behind_plan",
            "over_budget",
            "qa_high",
            "low_margin",
            "spend_spike",
            "reconciliation_break");
    assertThat(first.opened())
        .filteredOn(r -> r.getAs("rule_id").equals("reconciliation_break"))
        .extracting(r -> r.<String, String>getJavaMap(r.fieldIndex("observed")).get("status"))
        .containsExactlyInAnyOrder(
            "dsp_over", "ssp_over", "dsp_only", "ssp_only", "dsp_over", "ssp_only");
    assertThat(first.opened())
        .filteredOn(r -> r.getAs("rule_id").equals("spend_spike"))
        .as("the sample's surging line item and the one that went silent")
        .anySatisfy(r -> assertThat(spendVsBaseline(r)).isGreaterThanOrEqualTo(2.5))
        .anySatisfy(r -> assertThat(spendVsBaseline(r)).isLessThanOrEqualTo(0.2));
    assertThat(first.opened())
        .filteredOn(r -> r.getAs("rule_id").equals("over_budget"))
        .allSatisfy(r -> assertThat(r.<String>getAs("proposed_action")).isEqualTo("pause"));
    assertThat(first.opened())
        .filteredOn(r -> r.getAs("rule_id").equals("behind_plan"))
        .allSatisfy(
            r ->
                assertThat(r.<String>getAs("proposed_action"))
                    .matches("set_daily_cap \\d+\\.\\d{2}"));
    long qaHigh =
        lakehouse
            .read(Tables.GOLD_QA_FINDINGS)
            .filter("severity = 'high' and as_of_date = date'" + asOf + "'")
            .count();
    assertThat(first.opened())
        .filteredOn(r -> r.getAs("rule_id").equals("qa_high"))
        .hasSize((int) qaHigh);
    Dataset<Row> before =
        lakehouse
            .read(Tables.ALERTS)
            .drop("last_evaluated_at")
            .selectExpr("to_json(struct(*)) as alert")
            .localCheckpoint();

    // Write-back plans from the real alerts, marts and silver tables: every proposal is recorded or
    // explained.
    WritebackPlanner planner =
        new WritebackPlanner(
            new WritebackLedger(lakehouse),
            orgs,
            new WritebackSettings(Map.of(), new BigDecimal("1000"), Map.of(), List.of()),
            Progress.silent());
    PlanReport plan = planner.plan(Actor.of("sample-planner"), wednesdayMorning);
    long proposing =
        first.opened().stream().filter(r -> r.getAs("proposed_action") != null).count();
    assertThat(plan.changed().size() + plan.blocked().size()).isEqualTo((int) proposing);
    assertThat(plan.pending())
        .isNotEmpty()
        .allSatisfy(
            a -> {
              assertThat(a.status()).isEqualTo(ActionStatus.PROPOSED);
              if (a.proposal().changeType().setsAmount()) {
                assertThat(a.proposal().value()).isPositive();
                assertThat(a.proposal().currency()).hasSize(3);
              } else {
                assertThat(a.proposal().expectedActive())
                    .as("over_budget pauses active entities")
                    .isTrue();
              }
              if (a.target().platform() == Platform.DV360) {
                assertThat(a.target().advertiserId()).isNotNull();
              }
            });
    assertThat(plan.pending())
        .extracting(a -> a.proposal().changeType())
        .contains(ChangeType.PAUSE, ChangeType.SET_DAILY_CAP);

    job.run(asOf, wednesdayMorning.plusSeconds(3600));
    Dataset<Row> after =
        lakehouse
            .read(Tables.ALERTS)
            .drop("last_evaluated_at")
            .selectExpr("to_json(struct(*)) as alert");
    assertThat(after.exceptAll(before).count()).as("the same day again changes nothing").isZero();
    assertThat(after.count()).isEqualTo(before.count());

    // The next day has no daily gold rows yet, so the daily rules' alerts resolve; the monthly
    // margin is the
    // same month's, still found: those alerts stay open (last seen moves on) and are not new.
    AlertsReport next = job.run(asOf.plusDays(1), wednesdayMorning.plusSeconds(86_400));
    long monthly =
        first.opened().stream().filter(r -> r.getAs("rule_id").equals("low_margin")).count();
    assertThat(monthly).isPositive();
    assertThat(next.resolved()).hasSize((int) (first.opened().size() - monthly));
    assertThat(next.stillOpen())
        .hasSize((int) monthly)
        .allSatisfy(r -> assertThat(r.<Integer>getAs("days_seen")).isEqualTo(2));
    assertThat(next.opened()).isEmpty();
    PlanReport afterResolution =
        planner.plan(Actor.of("sample-planner"), wednesdayMorning.plusSeconds(86_400));
    assertThat(afterResolution.count(ActionStatus.WITHDRAWN))
        .as("the resolved alerts' actions are withdrawn")
        .isEqualTo(plan.pending().size());
    assertThat(
            GrainCheck.check(
                Tables.ALERTS.path(), lakehouse.read(Tables.ALERTS), Tables.ALERTS.grain()))
        .isEmpty();
  }

  private static double spendVsBaseline(Row alert) {
    return Double.parseDouble(
        alert.<String, String>getJavaMap(alert.fieldIndex("observed")).get("spend_vs_baseline"));
  }

  private static List<String> values(Lakehouse lakehouse, String sql) {
    return lakehouse
        .spark()
        .sql(String.format(sql, lakehouse.catalogName()))
        .collectAsList()
        .stream()
        .map(r -> r.getString(0))
        .toList();
  }
}

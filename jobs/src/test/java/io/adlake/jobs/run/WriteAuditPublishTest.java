package io.adlake.jobs.run;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.SharedSpark;
import io.adlake.jobs.Progress;
import io.adlake.jobs.TestLanding;
import io.adlake.jobs.alerts.AlertsJob;
import io.adlake.jobs.alerts.AlertsReport;
import io.adlake.jobs.publish.IcebergTableBranches;
import io.adlake.jobs.publish.PublishResult;
import io.adlake.jobs.publish.RunBranches;
import io.adlake.jobs.publish.WriteAuditPublish;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import io.adlake.model.org.OrgScope;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Write-audit-publish on the embedded catalog, through the real pipeline on sample exports: one
 * lakehouse, steps in order (each builds on what the one before published), since a pipeline run
 * takes tens of seconds.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WriteAuditPublishTest {

  private static final LocalDate START = LocalDate.of(2026, 11, 2);
  private static final LocalDate BAD_DAY = START.plusDays(2);

  private Lakehouse lakehouse;
  private SampleRunFixture samples;
  private RunOutcome first;

  @BeforeAll
  void landSampleExports() throws IOException {
    lakehouse = SharedSpark.newLakehouse();
    samples = new SampleRunFixture(START, 2);
  }

  @Test
  @Order(1)
  void aRunPublishesEveryTableItWroteAfterBothGatesPass() {
    // As if an earlier publish of this run had moved silver.fx_rates and then lost its answer
    // (Iceberg's "commit
    // state unknown"): the publish must count that table as done and move the others, not call it a
    // conflict.
    first =
        pipeline(
                RunBranches.of(
                    branch -> IcebergTableBranches.begin(lakehouse, branch),
                    branch ->
                        new BeforePublish(
                            IcebergTableBranches.open(lakehouse, branch),
                            () -> publishedEarlier(Tables.SILVER_FX, branch))))
            .run(firstRequest(false));

    assertThat(first.status()).isEqualTo(RunStatus.PUBLISHED);
    assertThat(first.publish().orElseThrow().published())
        .doesNotContain("silver.fx_rates")
        .contains("silver.delivery_daily", "gold.pacing");
    assertThat(first.silverGate().orElseThrow().passed()).isTrue();
    assertThat(first.goldGate().orElseThrow().passed()).isTrue();
    Map<String, Long> main = SampleRunFixture.publishedSnapshots(lakehouse);
    assertThat(main)
        .containsAllEntriesOf(first.record().stagedSnapshots())
        .containsKeys("silver.delivery_daily", "gold.pacing");
    assertThat(first.record().publishedSnapshots()).isEqualTo(first.record().stagedSnapshots());
    // One ledger row per step of the attempt, each carrying the ingest's reconciled counts forward.
    List<Row> ledger = lakehouse.read(Tables.JOB_RUNS).orderBy("finished_at").collectAsList();
    assertThat(ledger)
        .extracting(r -> r.<String>getAs("step") + ":" + r.<String>getAs("status"))
        .containsExactly(
            "silver:silver_built",
            "silver-gate:silver_passed",
            "gold:gold_built",
            "gold-gate:gold_passed",
            "publish:published");
    assertThat(ledger)
        .allSatisfy(
            r -> {
              assertThat(r.<Integer>getAs("attempt")).isEqualTo(1);
              assertThat(r.<Long>getAs("rows_read"))
                  .isPositive()
                  .isEqualTo(r.<Long>getAs("rows_accepted") + r.<Long>getAs("rows_quarantined"));
            });
    assertThat(ledger.get(4).<String>getAs("gold_gate"))
        .isEqualTo(first.goldGate().get().summary());
    long results =
        lakehouse
            .read(Tables.QUALITY_RESULTS)
            .filter("run_id = '" + first.record().runId() + "'")
            .count();
    assertThat(results)
        .isEqualTo(
            first.silverGate().get().outcomes().size() + first.goldGate().get().outcomes().size());
  }

  @Test
  @Order(2)
  void publishingTheSameRunAgainChangesNothing() {
    Map<String, Long> before = SampleRunFixture.publishedSnapshots(lakehouse);
    try (WriteAuditPublish again = IcebergTableBranches.open(lakehouse, first.record().runId())) {
      PublishResult result = again.publish();
      assertThat(result.outcome()).isEqualTo(PublishResult.Outcome.ALREADY_PUBLISHED);
      assertThat(result.published()).isEmpty();
    }
    RunOutcome rerun = pipeline(branches()).run(firstRequest(false));

    assertThat(rerun.record().runId()).isEqualTo(first.record().runId());
    assertThat(rerun.status()).isEqualTo(RunStatus.ALREADY_PUBLISHED);
    assertThat(rerun.silverGate()).isEmpty();
    assertThat(SampleRunFixture.publishedSnapshots(lakehouse)).isEqualTo(before);
    assertThat(
            lakehouse
                .read(Tables.JOB_RUNS)
                .filter("run_id = '" + first.record().runId() + "'")
                .count())
        .isEqualTo(6);
  }

  @Test
  @Order(3)
  void aForcedRerunOfTheSameDateGivesTheSameGold() {
    Map<String, String> before = SampleRunFixture.content(lakehouse, null);
    RunOutcome rerun = pipeline(branches()).run(firstRequest(true));

    assertThat(rerun.status()).isEqualTo(RunStatus.PUBLISHED);
    assertThat(rerun.record().attempt()).isEqualTo(3);
    assertThat(SampleRunFixture.content(lakehouse, null)).isEqualTo(before);
    SampleRunFixture.assertGrainsUnique(lakehouse);
  }

  @Test
  @Order(4)
  void aBrokenExportHoldsItsOrgWhileTheOtherOrgPublishes() throws IOException {
    Map<String, String> acmeBefore = SampleRunFixture.content(lakehouse, "acme");
    Map<String, String> kiwiBefore = SampleRunFixture.content(lakehouse, "kiwi");
    landBadDay();

    RunOutcome bad = pipeline(branches()).run(RunRequest.daily(BAD_DAY));

    assertThat(bad.status()).isEqualTo(RunStatus.PUBLISHED);
    assertThat(bad.record().heldOrgs()).containsExactly("acme");
    assertThat(bad.silverGate().orElseThrow().passed()).isTrue();
    assertThat(bad.silverGate().get().heldOrgs().get("acme"))
        .anySatisfy(
            e -> {
              assertThat(e.table()).isEqualTo("silver.delivery_daily");
              assertThat(e.check()).startsWith("non_negative");
              assertThat(e.message())
                  .contains("of org acme")
                  .contains("total_media_cost < 0 (lowest -");
            });
    // The held org's rows on main are exactly as before, in every table; the healthy org moved on.
    assertThat(SampleRunFixture.content(lakehouse, "acme")).isEqualTo(acmeBefore);
    Map<String, String> kiwiAfter = SampleRunFixture.content(lakehouse, "kiwi");
    assertThat(kiwiAfter.get("silver.delivery_daily"))
        .isNotEqualTo(kiwiBefore.get("silver.delivery_daily"));
    assertThat(kiwiAfter.get("gold.pacing")).isNotEqualTo(kiwiBefore.get("gold.pacing"));
    assertThat(
            lakehouse
                .read(Tables.GOLD_PACING)
                .filter("as_of_date = date'" + BAD_DAY.minusDays(1) + "'")
                .select("org_id")
                .distinct()
                .collectAsList())
        .extracting(r -> r.getString(0))
        .containsExactly("kiwi");
    // Why, where ops look: the hold, the gate's per-org result, the ledger.
    Row hold =
        lakehouse
            .read(Tables.ORG_HOLDS)
            .filter("run_id = '" + bad.record().runId() + "'")
            .collectAsList()
            .get(0);
    assertThat(hold.<String>getAs("org_id")).isEqualTo("acme");
    assertThat(hold.<String>getAs("layer")).isEqualTo("silver");
    assertThat(hold.<String>getAs("reason"))
        .startsWith("silver.delivery_daily non_negative")
        .contains("total_media_cost < 0");
    assertThat(hold.<String>getAs("released_by")).isNull();
    assertThat(
            lakehouse
                .read(Tables.QUALITY_RESULTS)
                .filter(
                    "run_id = '"
                        + bad.record().runId()
                        + "' and status = 'failure' and level = 'error'")
                .select("org_id")
                .distinct()
                .collectAsList())
        .extracting(r -> r.getString(0))
        .containsExactly("acme");
    Row ledger =
        lakehouse
            .read(Tables.JOB_RUNS)
            .filter("run_id = '" + bad.record().runId() + "'")
            .orderBy(org.apache.spark.sql.functions.desc("finished_at"))
            .first();
    assertThat(ledger.<String>getAs("status")).isEqualTo("published");
    assertThat(ledger.getList(ledger.fieldIndex("held_orgs"))).containsExactly("acme");
    assertThat(ledger.<String>getAs("message")).contains("held org(s) [acme]");
    // The hold reaches the org's alert channels like an alert (the shipped org_held rule over
    // ops.org_holds).
    AlertsReport alerts =
        new AlertsJob(
                lakehouse, SampleRunFixture.ORGS, TestLanding.alertSettings(), Progress.silent())
            .run(BAD_DAY.minusDays(1), Instant.now());
    assertThat(alerts.opened())
        .filteredOn(r -> r.getAs("rule_id").equals("org_held"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.<String>getAs("org_id")).isEqualTo("acme");
              assertThat(r.<String>getAs("entity_id")).isEqualTo(bad.record().runId());
            });
    // What would have been published stays readable: the snapshot silver was built at, before the
    // hold.
    long built =
        lakehouse
            .read(Tables.JOB_RUNS)
            .filter("run_id = '" + bad.record().runId() + "' and step = 'silver'")
            .first()
            .<scala.collection.Map<String, Long>>getAs("staged_snapshots")
            .apply("silver.delivery_daily");
    long negative =
        lakehouse
            .spark()
            .read()
            .option("snapshot-id", built)
            .table(lakehouse.name(Tables.SILVER_DELIVERY))
            .filter("org_id = 'acme' and total_media_cost < 0")
            .count();
    assertThat(negative).isEqualTo(1);
    SampleRunFixture.assertGrainsUnique(lakehouse);
  }

  @Test
  @Order(5)
  void theFixedExportPublishesTheHeldOrgOnTheRerunAfterMainMoved() throws IOException {
    fixBadDay();
    Map<String, Long> before = SampleRunFixture.publishedSnapshots(lakehouse);
    RunOutcome raced =
        pipeline(
                RunBranches.of(
                    branch -> IcebergTableBranches.begin(lakehouse, branch),
                    branch ->
                        new BeforePublish(
                            IcebergTableBranches.open(lakehouse, branch),
                            () -> bookingsChangedOnMain(branch))))
            .run(RunRequest.daily(BAD_DAY));

    assertThat(raced.status()).isEqualTo(RunStatus.MAIN_MOVED);
    assertThat(raced.record().heldOrgs()).isEmpty();
    assertThat(raced.publish().orElseThrow().conflicts())
        .singleElement()
        .satisfies(c -> assertThat(c).startsWith("silver.bookings"));
    Map<String, Long> after = SampleRunFixture.publishedSnapshots(lakehouse);
    assertThat(after.get("silver.bookings"))
        .isNotEqualTo(before.get("silver.bookings")); // the other writer's commit
    after.remove("silver.bookings");
    before.remove("silver.bookings");
    assertThat(after).isEqualTo(before); // and nothing of the run's
    assertThat(lakehouse.read(Tables.ORG_HOLDS).filter("released_by is null").count())
        .isEqualTo(1); // not released by a run that did not publish

    RunOutcome rerun = pipeline(branches()).run(RunRequest.daily(BAD_DAY));
    assertThat(rerun.status()).isEqualTo(RunStatus.PUBLISHED);
    assertThat(rerun.record().attempt()).isEqualTo(2);
    assertThat(rerun.record().heldOrgs()).isEmpty();
    assertThat(
            lakehouse
                .read(Tables.SILVER_DELIVERY)
                .filter("org_id = 'acme' and report_date = date'" + BAD_DAY.minusDays(1) + "'")
                .count())
        .isPositive();
    assertThat(lakehouse.read(Tables.SILVER_DELIVERY).filter("total_media_cost < 0").count())
        .isZero();
    assertThat(lakehouse.read(Tables.ORG_HOLDS).filter("released_by is null").count()).isZero();
    assertThat(lakehouse.read(Tables.ORG_HOLDS).first().<String>getAs("released_by"))
        .isEqualTo(rerun.record().runId());
    SampleRunFixture.assertGrainsUnique(lakehouse);
  }

  @Test
  @Order(6)
  void aRunOfOneOrgLeavesEveryOtherOrgsRowsAsTheyWere() throws IOException {
    LocalDate next = BAD_DAY.plusDays(1);
    samples.land(next, 1);
    Map<String, String> acme = SampleRunFixture.content(lakehouse, "acme");
    Map<String, String> kiwi = SampleRunFixture.content(lakehouse, "kiwi");
    long acmeBronze = lakehouse.read(Tables.BRONZE_DV360).filter("org_id = 'acme'").count();

    RunOutcome kiwiOnly =
        pipeline(branches()).run(RunRequest.daily(next).forOrgs(OrgScope.only("kiwi")));

    assertThat(kiwiOnly.status()).isEqualTo(RunStatus.PUBLISHED);
    assertThat(kiwiOnly.record().orgs()).containsExactly("kiwi");
    assertThat(SampleRunFixture.content(lakehouse, "acme")).isEqualTo(acme);
    assertThat(SampleRunFixture.content(lakehouse, "kiwi").get("gold.pacing"))
        .isNotEqualTo(kiwi.get("gold.pacing"));
    // acme's delivery of the day stays in the landing zone for acme's own run: not even bronze took
    // it.
    assertThat(lakehouse.read(Tables.BRONZE_DV360).filter("org_id = 'acme'").count())
        .isEqualTo(acmeBronze);
    assertThat(kiwiOnly.ingest().orElseThrow().rowsRead()).isPositive();
  }

  @Test
  @Order(7)
  void aTableWideGateFailureStopsTheRunAndMainKeepsWhatItHad() throws IOException {
    LocalDate day = BAD_DAY.plusDays(2);
    samples.land(day, 1);
    Map<String, Long> published = SampleRunFixture.publishedSnapshots(lakehouse);
    Map<String, String> content = SampleRunFixture.content(lakehouse, null);
    // A uniqueness check without org_id cannot say whose rows broke it: the whole table fails, and
    // no org may publish (the gate holds orgs only for failures it can attribute).
    String check = "{check: unique, columns: [report_date, platform]}";
    Path gates = samples.gatesWith("silver.delivery_daily", check);

    RunOutcome failed =
        samples.pipeline(lakehouse, branches(), "jdbc", gates).run(RunRequest.daily(day));

    // `adlake run` exits 7 for it (RunExitCodeTest).
    assertThat(failed.status()).isEqualTo(RunStatus.GATE_FAILED);
    assertThat(failed.record().heldOrgs()).isEmpty();
    assertThat(failed.publish()).isEmpty();
    assertThat(SampleRunFixture.publishedSnapshots(lakehouse)).isEqualTo(published);
    assertThat(SampleRunFixture.content(lakehouse, null)).isEqualTo(content);
    assertThat(
            lakehouse
                .read(Tables.QUALITY_RESULTS)
                .filter(
                    col("run_id")
                        .equalTo(failed.record().runId())
                        .and(col("status").equalTo("failure"))
                        .and(col("level").equalTo("error")))
                .select("table_name", "org_id", "check_name")
                .collectAsList())
        .extracting(Object::toString)
        .containsExactly("[silver.delivery_daily,*,unique(report_date,platform)]");
  }

  private PipelineRun pipeline(RunBranches branches) {
    return samples.pipeline(lakehouse, branches, "jdbc");
  }

  private RunBranches branches() {
    return RunBranches.of(
        branch -> IcebergTableBranches.begin(lakehouse, branch),
        branch -> IcebergTableBranches.open(lakehouse, branch));
  }

  private static RunRequest firstRequest(boolean force) {
    return new RunRequest(START, START.plusDays(1), START, 3, force);
  }

  /**
   * Day three's exports, with one DV360 line carrying a negative total media cost (a credit the
   * gate refuses).
   */
  private void landBadDay() throws IOException {
    samples.land(BAD_DAY, 1);
    BadExports.negateOneCost(samples.landing, "acme", BAD_DAY);
  }

  private void fixBadDay() throws IOException {
    BadExports.correct(samples.landing, "acme", BAD_DAY);
  }

  private void publishedEarlier(TableSpec table, String branch) {
    lakehouse
        .table(table)
        .manageSnapshots()
        .setCurrentSnapshot(lakehouse.snapshotId(table, branch))
        .commit();
  }

  /** Another writer, outside the run's branch, changes silver.bookings on main. */
  private void bookingsChangedOnMain(String runBranch) {
    lakehouse.spark().conf().unset("spark.wap.branch");
    try {
      lakehouse
          .spark()
          .sql(
              "UPDATE "
                  + lakehouse.name(Tables.SILVER_BOOKINGS)
                  + " SET booked_budget = booked_budget + 1 WHERE org_id = 'acme'");
    } finally {
      lakehouse.spark().conf().set("spark.wap.branch", runBranch);
    }
  }
}

package io.adlake.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.SharedSpark;
import io.adlake.jobs.publish.RunBranches;
import io.adlake.model.Tables;
import io.adlake.model.config.CatalogSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.projectnessie.client.NessieClientBuilder;
import org.projectnessie.client.api.NessieApiV2;
import org.projectnessie.model.FetchOption;
import org.projectnessie.model.LogResponse;

/**
 * The pipeline on a real Nessie server: a day goes through ingest, silver, gates, gold, gates and
 * one merge into main; a broken export of one org holds that org (main keeps its rows) while the
 * other org is merged; the fixed export publishes it.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NessieWriteAuditPublishTest {

  private static final LocalDate START = LocalDate.of(2026, 11, 2);
  private static final LocalDate BAD_DAY = START.plusDays(2);

  private NessieServer nessie;
  private CatalogSettings catalog;
  private Lakehouse main;
  private SampleRunFixture samples;

  @BeforeAll
  void startNessie() throws Exception {
    nessie = NessieServer.start();
    Path warehouse = Files.createTempDirectory("adlake-nessie-warehouse");
    catalog =
        new CatalogSettings(
            "nessie_it",
            "nessie",
            nessie.uri(),
            warehouse.toString(),
            Map.of("ref", "main", "client-api-version", "2", "cache-enabled", "false"));
    SparkSession spark = SharedSpark.spark();
    catalog.sparkConf().forEach((k, v) -> spark.conf().set(k, v));
    main = new Lakehouse(spark, catalog.name());
    samples = new SampleRunFixture(START, 2);
  }

  @AfterAll
  void stopNessie() {
    if (nessie != null) {
      nessie.close();
    }
  }

  @Test
  @Order(1)
  void aDayIsPublishedToMainInOneMerge() throws Exception {
    String before;
    try (NessieApiV2 api = api()) {
      before = api.getReference().refName("main").get().getHash();
    }

    RunOutcome run = pipeline().run(new RunRequest(START, START.plusDays(1), START, 3, false));

    assertThat(run.status()).isEqualTo(RunStatus.PUBLISHED);
    assertThat(run.publish().orElseThrow().detail())
        .startsWith("merged " + run.record().branch() + " into main");
    List<String> published = run.publish().get().published();
    assertThat(published)
        .contains("silver.delivery_daily", "gold.pacing", "gold.org_daily_summary");
    try (NessieApiV2 api = api()) {
      // Every commit main got since the run began, newest first, with the tables each one changed.
      List<LogResponse.LogEntry> since = new ArrayList<>();
      for (LogResponse.LogEntry e :
          api.getCommitLog().refName("main").fetch(FetchOption.ALL).get().getLogEntries()) {
        if (e.getCommitMeta().getHash().equals(before)) {
          break;
        }
        since.add(e);
      }
      List<LogResponse.LogEntry> toReaders =
          since.stream()
              .filter(
                  e ->
                      e.getOperations().stream()
                          .map(o -> o.getKey().toPathString())
                          .anyMatch(k -> k.startsWith("silver.") || k.startsWith("gold.")))
              .toList();
      // One commit brought every silver and gold table onto main; the others are ledger rows.
      assertThat(toReaders)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.getCommitMeta().getMessage())
                    .isEqualTo("adlake: publish " + run.record().branch());
                // The tables, and the namespaces the run created on its branch (main had none).
                assertThat(e.getOperations())
                    .extracting(o -> o.getKey().toPathString())
                    .filteredOn(k -> k.contains("."))
                    .containsExactlyInAnyOrderElementsOf(published);
                assertThat(e.getOperations())
                    .extracting(o -> o.getKey().toPathString())
                    .filteredOn(k -> !k.contains("."))
                    .isSubsetOf("silver", "gold");
              });
      assertThat(since.size()).isGreaterThan(1);
    }
    SampleRunFixture.assertGrainsUnique(main);
    assertThat(main.read(Tables.GOLD_ORG_DAILY).count()).isPositive();
    assertThat(main.read(Tables.JOB_RUNS).filter("status = 'published'").count()).isEqualTo(1);
  }

  @Test
  @Order(2)
  void aBrokenExportHoldsItsOrgAndTheOtherOrgIsMergedIntoMain() throws IOException {
    Map<String, String> acme = SampleRunFixture.content(main, "acme");
    Map<String, String> kiwi = SampleRunFixture.content(main, "kiwi");
    samples.land(BAD_DAY, 1);
    BadExports.negateOneCost(samples.landing, "acme", BAD_DAY);

    RunOutcome bad = pipeline().run(RunRequest.daily(BAD_DAY));

    assertThat(bad.status()).isEqualTo(RunStatus.PUBLISHED);
    assertThat(bad.record().heldOrgs()).containsExactly("acme");
    assertThat(bad.publish().orElseThrow().detail())
        .startsWith("merged " + bad.record().branch() + " into main");
    assertThat(SampleRunFixture.content(main, "acme")).isEqualTo(acme);
    assertThat(SampleRunFixture.content(main, "kiwi").get("gold.org_daily_summary"))
        .isNotEqualTo(kiwi.get("gold.org_daily_summary"));
    // The run's branch keeps its history: the commit before the hold restored acme still has the
    // bad row.
    try (NessieApiV2 api = api()) {
      assertThat(api.getReference().refName(bad.record().branch()).get().getName())
          .isEqualTo(bad.record().branch());
    }
    assertThat(
            main.read(Tables.ORG_HOLDS)
                .filter("run_id = '" + bad.record().runId() + "'")
                .select("org_id", "layer")
                .collectAsList())
        .extracting(Object::toString)
        .containsExactly("[acme,silver]");
    assertThat(
            main.read(Tables.QUALITY_RESULTS)
                .filter(
                    "run_id = '"
                        + bad.record().runId()
                        + "' and status = 'failure' and level = 'error'")
                .select("org_id")
                .distinct()
                .collectAsList())
        .extracting(r -> r.getString(0))
        .containsExactly("acme");
  }

  @Test
  @Order(3)
  void whenATableTheRunWroteChangesOnMainNessieRefusesTheMerge() throws IOException {
    BadExports.correct(samples.landing, "acme", BAD_DAY);
    Map<String, Long> before = SampleRunFixture.publishedSnapshots(main);
    Runnable otherWriter =
        () ->
            main.spark()
                .sql(
                    "UPDATE "
                        + main.name(Tables.SILVER_BOOKINGS)
                        + " SET booked_budget = booked_budget + 1 WHERE org_id = 'acme'");

    RunOutcome raced =
        pipeline(BeforePublish.around(RunBranches.forCatalog(main, catalog), otherWriter))
            .run(RunRequest.daily(BAD_DAY));

    assertThat(raced.status()).isEqualTo(RunStatus.MAIN_MOVED);
    assertThat(raced.publish().orElseThrow().conflicts())
        .singleElement()
        .satisfies(c -> assertThat(c).contains("silver.bookings"));
    Map<String, Long> after = SampleRunFixture.publishedSnapshots(main);
    assertThat(after.remove("silver.bookings"))
        .isNotEqualTo(before.remove("silver.bookings")); // only the other writer's change
    assertThat(after).isEqualTo(before);

    RunOutcome rerun = pipeline().run(RunRequest.daily(BAD_DAY));
    assertThat(rerun.status()).isEqualTo(RunStatus.PUBLISHED);
    assertThat(rerun.record().heldOrgs()).isEmpty();
    assertThat(main.read(Tables.ORG_HOLDS).filter("released_by is null").count()).isZero();
    assertThat(
            main.read(Tables.SILVER_DELIVERY)
                .filter("org_id = 'acme' and report_date = date'" + BAD_DAY.minusDays(1) + "'")
                .count())
        .isPositive();
    SampleRunFixture.assertGrainsUnique(main);
  }

  private NessieApiV2 api() {
    return NessieClientBuilder.createClientBuilder(null, null)
        .withUri(nessie.uri())
        .build(NessieApiV2.class);
  }

  private PipelineRun pipeline() {
    return pipeline(RunBranches.forCatalog(main, catalog));
  }

  private PipelineRun pipeline(RunBranches branches) {
    return samples.pipeline(main, branches, "nessie");
  }
}

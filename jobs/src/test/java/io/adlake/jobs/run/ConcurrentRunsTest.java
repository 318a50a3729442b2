package io.adlake.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.SharedSpark;
import io.adlake.jobs.sample.SampleExports;
import io.adlake.model.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two real `adlake run` processes on one embedded catalog at once: kiwi's history (two days)
 * backfilled on its own while the daily run of every org publishes the next day. Whichever
 * publishes second finds main moved and redoes its attempt on the new main; both end published,
 * nothing of either is lost, no grain key is duplicated, and neither retries more than its bound.
 */
@ExtendWith(SharedSpark.class)
class ConcurrentRunsTest {

  private static final LocalDate START = LocalDate.of(2026, 11, 2);
  private static final LocalDate DAILY = START.plusDays(2);

  @Test
  void twoIngestsOfOneLandingZoneAtOnceIngestEachFileOnce() throws Exception {
    Path data = Files.createTempDirectory("adlake-concurrent-ingest");
    Path conf = AdlakeProcesses.conf(List.of("acme", "kiwi"), List.of("dv360", "meta", "fx"));
    // With the sample's faults, so quarantined rows must be accounted for exactly once too.
    AdlakeProcesses.land(
        conf, data.resolve("landing"), new SampleExports.Settings(START, 3, 7L, true));

    Process one = AdlakeProcesses.start(data, conf, "ingest-one", "ingest");
    Process two = AdlakeProcesses.start(data, conf, "ingest-two", "ingest");
    assertThat(AdlakeProcesses.finish(one, data, "ingest-one"))
        .as(AdlakeProcesses.tail(data, "ingest-one"))
        .isZero();
    assertThat(AdlakeProcesses.finish(two, data, "ingest-two"))
        .as(AdlakeProcesses.tail(data, "ingest-two"))
        .isZero();

    Lakehouse lakehouse = AdlakeProcesses.lakehouse(data);
    // Every landed file is in the manifest as ingested exactly once, and bronze and the quarantine
    // hold exactly
    // its counted rows; the other batch recorded each file as left to the first or as already
    // ingested.
    assertThat(
            CrashHarnessTest.manifestAgainstTables(
                "two ingests", lakehouse, data.resolve("landing")))
        .isEmpty();
    List<Row> batches =
        lakehouse
            .read(Tables.INGEST_MANIFEST)
            .groupBy("batch_id")
            .pivot("action")
            .count()
            .collectAsList();
    assertThat(batches).hasSize(2);
    long files = lakehouse.read(Tables.INGEST_MANIFEST).select("source_file").distinct().count();
    assertThat(
            lakehouse
                .read(Tables.INGEST_MANIFEST)
                .filter("action in ('claimed_elsewhere', 'skipped_duplicate')")
                .count())
        .as("the batch that lost the claims wrote nothing: %s", batches)
        .isEqualTo(files);
    assertThat(lakehouse.read(Tables.INGEST_CLAIMS).filter("released_at is null").count())
        .as("every claim released")
        .isZero();
    SampleRunFixture.assertGrainsUnique(lakehouse);
  }

  @Test
  void aOneOrgBackfillAndTheDailyRunOfEveryOrgOverlapAndBothEndPublished() throws Exception {
    Path data = Files.createTempDirectory("adlake-concurrent-data");
    // Delivery and FX only: what the race is about is the publish, and fewer sources keep two JVMs
    // short.
    Path conf = AdlakeProcesses.conf(List.of("acme", "kiwi"), List.of("dv360", "fx"));
    AdlakeProcesses.land(
        conf, data.resolve("landing"), new SampleExports.Settings(START, 3, 7L, false));

    Process daily = AdlakeProcesses.start(data, conf, "daily", "run", "--date", DAILY.toString());
    // The backfill starts once the daily run has opened the new catalog, so the two overlap in
    // their runs, which
    // is what this test is about (two processes creating a catalog at once are retried by
    // Lakehouse.iceberg).
    AdlakeProcesses.awaitLine(data, "daily", "run: ingesting", daily);
    Process backfill =
        AdlakeProcesses.start(
            data,
            conf,
            "backfill",
            "run",
            "--org",
            "kiwi",
            "--from",
            START.toString(),
            "--to",
            DAILY.minusDays(1).toString());
    assertThat(backfill.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(daily.waitFor(10, TimeUnit.MINUTES)).isTrue();

    assertThat(backfill.exitValue()).as(AdlakeProcesses.tail(data, "backfill")).isZero();
    assertThat(daily.exitValue()).as(AdlakeProcesses.tail(data, "daily")).isZero();
    Lakehouse lakehouse = AdlakeProcesses.lakehouse(data);
    List<Row> ledger =
        lakehouse
            .read(Tables.JOB_RUNS)
            .filter("step = 'publish'")
            .orderBy("finished_at")
            .collectAsList();
    List<String> outcomes = new ArrayList<>();
    ledger.forEach(r -> outcomes.add(r.<Date>getAs("first_date") + ":" + r.getAs("status")));
    // Both published; a run that lost the race has main_moved before its published attempt, and at
    // most 2 retries.
    assertThat(outcomes).filteredOn(o -> o.endsWith(":published")).hasSize(2);
    assertThat(outcomes).filteredOn(o -> o.endsWith(":main_moved")).hasSizeLessThanOrEqualTo(4);
    assertThat(lakehouse.read(Tables.JOB_RUNS).filter("attempt > 3").count()).isZero();
    // Nothing lost: every (org, report day) bronze holds for the deliveries the runs covered is in
    // silver, which
    // holds no other; kiwi's history and acme's day both reached gold.
    String covered =
        "(org_id = 'kiwi' and delivery_date <= date'"
            + DAILY
            + "') or (org_id = 'acme' and delivery_date = date'"
            + DAILY
            + "')";
    List<Row> expected =
        lakehouse
            .read(Tables.BRONZE_DV360)
            .filter(covered)
            .select("org_id", "report_date")
            .distinct()
            .orderBy("org_id", "report_date")
            .collectAsList();
    List<Row> silver =
        lakehouse
            .read(Tables.SILVER_DELIVERY)
            .filter("platform = 'dv360'")
            .select("org_id", "report_date")
            .distinct()
            .orderBy("org_id", "report_date")
            .collectAsList();
    assertThat(expected).isNotEmpty();
    assertThat(silver).containsExactlyElementsOf(expected);
    assertThat(lakehouse.read(Tables.GOLD_ORG_DAILY).filter("org_id = 'kiwi'").count())
        .isGreaterThan(lakehouse.read(Tables.GOLD_ORG_DAILY).filter("org_id = 'acme'").count());
    SampleRunFixture.assertGrainsUnique(lakehouse);
  }
}

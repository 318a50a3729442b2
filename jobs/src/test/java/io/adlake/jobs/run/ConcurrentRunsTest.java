package io.adlake.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.SharedSpark;
import io.adlake.model.Tables;
import io.adlake.model.config.CatalogSettings;
import io.adlake.model.config.MartSettingsLoader;
import io.adlake.model.config.QualitySettingsLoader;
import io.adlake.catalog.landing.LocalLandingStore;
import io.adlake.model.org.Org;
import io.adlake.model.org.OrgId;
import io.adlake.model.org.OrgRegistry;
import io.adlake.model.org.SourceOptions;
import io.adlake.jobs.sample.SampleExports;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two real `adlake run` processes on one embedded catalog at once: kiwi's history (two days) backfilled on its own while the
 * daily run of every org publishes the next day. Whichever publishes second finds main moved and redoes its
 * attempt on the new main; both end published, nothing of either is lost, no grain key is duplicated, and neither
 * retries more than its bound.
 */
@ExtendWith(SharedSpark.class)
class ConcurrentRunsTest {

  private static final LocalDate START = LocalDate.of(2026, 11, 2);
  private static final LocalDate DAILY = START.plusDays(2);

  @Test
  void aOneOrgBackfillAndTheDailyRunOfEveryOrgOverlapAndBothEndPublished() throws Exception {
    Path data = Files.createTempDirectory("adlake-concurrent-data");
    Path conf = Files.createTempDirectory("adlake-concurrent-conf");
    Files.copy(Path.of("../conf/adlake.yaml"), conf.resolve("adlake.yaml"));
    Files.copy(Path.of("../conf", QualitySettingsLoader.FILE), conf.resolve(QualitySettingsLoader.FILE));
    String marts = Files.readString(Path.of("../conf", MartSettingsLoader.FILE));
    Files.writeString(conf.resolve(MartSettingsLoader.FILE), marts.substring(0, marts.indexOf("\norgs:")) + "\n");
    // Delivery and FX only: what the race is about is the publish, and fewer sources keep two JVMs short.
    Map<String, SourceOptions> sources = Map.of("dv360", SourceOptions.defaults(), "fx", SourceOptions.defaults());
    OrgRegistry orgs =
        new OrgRegistry(List.of(new Org(OrgId.of("acme"), "Acme", "EUR", "Europe/Berlin", sources), new Org(OrgId.of("kiwi"), "Kiwi", "EUR", "Europe/Berlin", sources)));
    orgs.save(conf.resolve("orgs.yaml"));
    new SampleExports(orgs, new LocalLandingStore(), data.resolve("landing").toString(), new SampleExports.Settings(START, 3, 7L, false)).writeAll();

    Process daily = adlake(data, conf, "daily", "run", "--date", DAILY.toString());
    // The backfill starts once the daily run has opened the new catalog, so the two overlap in their runs, which
    // is what this test is about (two processes creating a catalog at once are retried by Lakehouse.iceberg).
    awaitLine(data, "daily", "run: ingesting", daily);
    Process backfill = adlake(data, conf, "backfill", "run", "--org", "kiwi", "--from", START.toString(), "--to", DAILY.minusDays(1).toString());
    assertThat(backfill.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(daily.waitFor(10, TimeUnit.MINUTES)).isTrue();

    assertThat(backfill.exitValue()).as(log(data, "backfill")).isZero();
    assertThat(daily.exitValue()).as(log(data, "daily")).isZero();
    Lakehouse lakehouse = lakehouse(data);
    List<Row> ledger = lakehouse.read(Tables.JOB_RUNS).filter("step = 'publish'").orderBy("finished_at").collectAsList();
    List<String> outcomes = new ArrayList<>();
    ledger.forEach(r -> outcomes.add(r.<java.sql.Date>getAs("first_date") + ":" + r.getAs("status")));
    // Both published; a run that lost the race has main_moved before its published attempt, and at most 2 retries.
    assertThat(outcomes).filteredOn(o -> o.endsWith(":published")).hasSize(2);
    assertThat(outcomes).filteredOn(o -> o.endsWith(":main_moved")).hasSizeLessThanOrEqualTo(4);
    assertThat(lakehouse.read(Tables.JOB_RUNS).filter("attempt > 3").count()).isZero();
    // Nothing lost: every (org, report day) bronze holds for the deliveries the runs covered is in silver, which
    // holds no other; kiwi's history and acme's day both reached gold.
    String covered = "(org_id = 'kiwi' and delivery_date <= date'" + DAILY + "') or (org_id = 'acme' and delivery_date = date'" + DAILY + "')";
    List<Row> expected = lakehouse.read(Tables.BRONZE_DV360).filter(covered).select("org_id", "report_date").distinct().orderBy("org_id", "report_date").collectAsList();
    List<Row> silver =
        lakehouse.read(Tables.SILVER_DELIVERY).filter("platform = 'dv360'").select("org_id", "report_date").distinct().orderBy("org_id", "report_date")
            .collectAsList();
    assertThat(expected).isNotEmpty();
    assertThat(silver).containsExactlyElementsOf(expected);
    assertThat(lakehouse.read(Tables.GOLD_ORG_DAILY).filter("org_id = 'kiwi'").count()).isGreaterThan(lakehouse.read(Tables.GOLD_ORG_DAILY).filter("org_id = 'acme'").count());
    SampleRunFixture.assertGrainsUnique(lakehouse);
  }

  /** `adlake <args>` as its own JVM, with this test JVM's class path and flags, logging to data/<name>.log. */
  private static Process adlake(Path data, Path conf, String name, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.adlake.jobs.cli.AdlakeCli"));
    command.addAll(List.of(args));
    command.addAll(List.of("--conf-dir", conf.toString(), "--data-dir", data.toString(), "--profile", "local"));
    File log = data.resolve(name + ".log").toFile();
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
  }

  private static void awaitLine(Path data, String name, String line, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!Files.readString(data.resolve(name + ".log")).contains(line)) {
      assertThat(process.isAlive()).as(log(data, name)).isTrue();
      assertThat(System.nanoTime()).as("'%s' in %s.log", line, name).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private static String log(Path data, String name) {
    try {
      String text = Files.readString(data.resolve(name + ".log"));
      return text.substring(Math.max(0, text.length() - 4000));
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  /** The processes' catalog, read from this JVM's session (the catalog name keys its rows: it must be theirs). */
  private static Lakehouse lakehouse(Path data) {
    CatalogSettings catalog =
        new CatalogSettings("adlake", "jdbc", "jdbc:sqlite:" + data.resolve("catalog.db"), data.resolve("warehouse").toString(), Map.of());
    catalog.sparkConf().forEach(SharedSpark.spark().conf()::set);
    return new Lakehouse(SharedSpark.spark(), catalog.name());
  }
}

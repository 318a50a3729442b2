package io.adlake.jobs.bench;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.SparkSessionFactory;
import io.adlake.model.Tables;
import io.adlake.model.config.AdlakeConfig;
import io.adlake.model.config.AlertSettingsLoader;
import io.adlake.model.config.CatalogSettings;
import io.adlake.model.config.MartSettingsLoader;
import io.adlake.model.config.QualitySettingsLoader;
import io.adlake.model.config.S3Settings;
import io.adlake.model.config.SparkSettings;
import io.adlake.model.config.WritebackSettingsLoader;
import io.adlake.catalog.landing.LocalLandingStore;
import io.adlake.model.org.Org;
import io.adlake.model.org.OrgId;
import io.adlake.model.org.OrgRegistry;
import io.adlake.model.org.SourceOptions;
import io.adlake.jobs.Progress;
import io.adlake.jobs.publish.RunBranches;
import io.adlake.jobs.run.PipelineRun;
import io.adlake.jobs.run.RunOutcome;
import io.adlake.jobs.run.RunRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Whether an org costs anything by itself: the same DV360 rows spread over few orgs and over many, each through a
 * full gated run (ingest, silver, silver gate, gold, gold gate, publish) on a lakehouse of its own, in one JVM and
 * one Spark session, so both runs pay the same start-up. Also loads and validates the registry and a per-org
 * section of every per-org configuration file for the many orgs. Not a test: run it by hand and compare.
 *
 * <pre>./adlake benchmark --tenancy --rows 200000 --orgs 20 --many-orgs 2000</pre>
 */
public final class TenancyBenchmark {
  private TenancyBenchmark() {}

  private static final LocalDate DAY = LocalDate.of(2026, 11, 3);

  public static void run(long rows, int fewOrgs, int manyOrgs, Path shippedConf) throws IOException {
    Path dir = Files.createTempDirectory("adlake-tenancy-bench-");
    try {
      Path conf = Files.createDirectories(dir.resolve("conf"));
      List<Org> many = orgs(manyOrgs);
      double loadMs = loadConfiguration(conf, many, shippedConf);
      System.out.printf(Locale.ROOT, "registry and per-org configuration of %,d orgs (orgs, marts, alerts, write-back, quality): loaded and validated in %.0f ms%n", manyOrgs, loadMs);

      AdlakeConfig config =
          new AdlakeConfig(
              "bench", conf, dir, new CatalogSettings("adlake", CatalogSettings.JDBC, "jdbc:sqlite:" + dir.resolve("unused.db"), dir.resolve("unused").toString(), Map.of()),
              dir.toString(),
              new SparkSettings("local[" + Runtime.getRuntime().availableProcessors() + "]", Runtime.getRuntime().availableProcessors() * 2, Map.of("spark.ui.enabled", "false")),
              S3Settings.defaults(), 7);
      SparkSession spark = SparkSessionFactory.create(config, "adlake-tenancy-bench");
      try {
        // A first small run warms the JVM and Spark, so neither measured run pays for it.
        fullRun(spark, dir.resolve("warm-up"), shippedConf, orgs(2), 2_000);
        double few = fullRun(spark, dir.resolve("few"), shippedConf, orgs(fewOrgs), rows);
        double lots = fullRun(spark, dir.resolve("many"), shippedConf, many, rows);
        System.out.printf(Locale.ROOT, "full run of %,d DV360 rows as %,d orgs: %.1f s%n", rows, fewOrgs, few);
        System.out.printf(Locale.ROOT, "full run of %,d DV360 rows as %,d orgs: %.1f s%n", rows, manyOrgs, lots);
        System.out.printf(Locale.ROOT, "ratio %,d orgs / %,d orgs: %.2fx%n", manyOrgs, fewOrgs, lots / few);
      } finally {
        spark.stop();
      }
    } finally {
      try (var walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** One gated run of one delivery day on a lakehouse of its own; seconds, with its outcome printed. */
  private static double fullRun(SparkSession spark, Path dir, Path shippedConf, List<Org> orgs, long rows) throws IOException {
    Path landing = dir.resolve("landing");
    long bytes = IngestBenchmark.writeReports(landing, orgs, rows);
    // The run's own conf: the shipped gates, and the marts' defaults (the shipped org sections name other orgs).
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Files.copy(shippedConf.resolve(QualitySettingsLoader.FILE), conf.resolve(QualitySettingsLoader.FILE));
    String marts = Files.readString(shippedConf.resolve(MartSettingsLoader.FILE));
    Files.writeString(conf.resolve(MartSettingsLoader.FILE), marts.substring(0, marts.indexOf("\norgs:")) + "\n");
    CatalogSettings catalog =
        new CatalogSettings("bench_" + dir.getFileName().toString().replace('-', '_'), CatalogSettings.JDBC, "jdbc:sqlite:" + dir.resolve("catalog.db"), dir.resolve("warehouse").toUri().toString(), Map.of());
    catalog.sparkConf().forEach(spark.conf()::set);
    Lakehouse lakehouse = new Lakehouse(spark, catalog.name());
    OrgRegistry registry = new OrgRegistry(orgs);
    PipelineRun pipeline =
        new PipelineRun(
            lakehouse, RunBranches.forCatalog(lakehouse, catalog), catalog.type(), registry, new LocalLandingStore(), landing.toString(),
            MartSettingsLoader.load(conf, registry), QualitySettingsLoader.load(conf), 7, conf, Progress.silent());
    long start = System.nanoTime();
    RunOutcome outcome = pipeline.run(RunRequest.daily(DAY));
    double seconds = (System.nanoTime() - start) / 1e9;
    StringBuilder steps = new StringBuilder();
    for (Row step : lakehouse.read(Tables.JOB_RUNS).orderBy("finished_at").collectAsList()) {
      steps.append(String.format(Locale.ROOT, "%s %.1f s, ", step.<String>getAs("step"), step.<Long>getAs("duration_ms") / 1e3));
    }
    System.out.printf(
        Locale.ROOT, "  %,d orgs, %,d rows (%.1f MB): %s, %,d read = %,d accepted + %,d quarantined, %.1f s (ingest %.1f s, %s)%n", orgs.size(), rows,
        bytes / 1e6, outcome.record().status(), outcome.record().rowsRead(), outcome.record().rowsAccepted(), outcome.record().rowsQuarantined(), seconds,
        seconds - (outcome.record().finishedAt().toEpochMilli() - firstStepStart(lakehouse)) / 1e3, steps.substring(0, steps.length() - 2));
    return seconds;
  }

  private static long firstStepStart(Lakehouse lakehouse) {
    return lakehouse.read(Tables.JOB_RUNS).agg(org.apache.spark.sql.functions.min("started_at")).first().getTimestamp(0).getTime();
  }

  /** Writes the registry and a section per org into each per-org file, then times loading them all. */
  private static double loadConfiguration(Path conf, List<Org> orgs, Path shippedConf) throws IOException {
    new OrgRegistry(orgs).save(conf.resolve(OrgRegistry.FILE));
    String marts = Files.readString(shippedConf.resolve(MartSettingsLoader.FILE));
    String alerts = Files.readString(shippedConf.resolve("alerts.yaml"));
    String writeback = Files.readString(shippedConf.resolve(WritebackSettingsLoader.FILE));
    StringBuilder martOrgs = new StringBuilder("\norgs:\n");
    StringBuilder alertOrgs = new StringBuilder("orgs:\n");
    StringBuilder writebackOrgs = new StringBuilder("orgs:\n");
    for (Org org : orgs) {
      martOrgs.append("  ").append(org.id()).append(":\n    pacing: {under_below: 0.85, over_above: 1.15}\n");
      alertOrgs.append("  ").append(org.id()).append(":\n    send_to: {email: [ops@").append(org.id()).append(".example]}\n");
      writebackOrgs.append("  ").append(org.id()).append(":\n    approval_threshold: 2500\n    token_env: {dv360: ADLAKE_DV360_TOKEN_")
          .append(org.id().value().toUpperCase(Locale.ROOT).replace('-', '_')).append("}\n");
    }
    Files.writeString(conf.resolve(MartSettingsLoader.FILE), marts.substring(0, marts.indexOf("\norgs:")) + martOrgs);
    Files.writeString(conf.resolve("alerts.yaml"), replaceSection(alerts, "orgs:", "delivery:", alertOrgs.toString()));
    Files.writeString(conf.resolve(WritebackSettingsLoader.FILE), replaceSection(writeback, "orgs:", "platforms:", writebackOrgs.toString()));
    Files.copy(shippedConf.resolve(QualitySettingsLoader.FILE), conf.resolve(QualitySettingsLoader.FILE));

    long start = System.nanoTime();
    OrgRegistry registry = OrgRegistry.load(conf.resolve(OrgRegistry.FILE));
    MartSettingsLoader.load(conf, registry);
    AlertSettingsLoader.load(conf, registry);
    WritebackSettingsLoader.load(conf, registry);
    QualitySettingsLoader.load(conf);
    double ms = (System.nanoTime() - start) / 1e6;
    if (registry.orgs().size() != orgs.size()) {
      throw new IllegalStateException("the registry read back " + registry.orgs().size() + " of " + orgs.size() + " orgs");
    }
    return ms;
  }

  private static String replaceSection(String yaml, String from, String to, String section) {
    int start = yaml.indexOf("\n" + from) + 1;
    int end = yaml.indexOf("\n" + to, start) + 1;
    if (start <= 0 || end <= 0) {
      throw new IllegalStateException("the shipped file has no '" + from + "' section before '" + to + "'");
    }
    return yaml.substring(0, start) + section + "\n" + yaml.substring(end);
  }

  private static List<Org> orgs(int count) {
    List<Org> orgs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      orgs.add(new Org(OrgId.of(String.format(Locale.ROOT, "org-%04d", i)), "Org " + i, "EUR", "Europe/Berlin", Map.of("dv360", SourceOptions.defaults())));
    }
    return orgs;
  }
}

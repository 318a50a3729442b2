package io.adlake.jobs.bench;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.SparkSessionFactory;
import io.adlake.model.Tables;
import io.adlake.model.config.AdlakeConfig;
import io.adlake.model.config.CatalogSettings;
import io.adlake.model.config.S3Settings;
import io.adlake.model.config.SparkSettings;
import io.adlake.catalog.landing.LandingScan;
import io.adlake.catalog.landing.LocalLandingStore;
import io.adlake.model.org.Org;
import io.adlake.model.org.OrgId;
import io.adlake.model.org.OrgRegistry;
import io.adlake.model.org.SourceOptions;
import io.adlake.jobs.Progress;
import io.adlake.jobs.ingest.IngestJob;
import io.adlake.jobs.ingest.IngestReport;
import io.adlake.jobs.silver.SilverJob;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.SparkSession;

/**
 * Throughput of bronze ingest and silver on one machine: writes DV360 reports with {@code rows} lines spread over
 * {@code orgs} orgs into a scratch folder, ingests them, builds silver, and prints the figures. Not a test: run it
 * by hand and compare runs on the same machine.
 *
 * <pre>./adlake benchmark --rows 2000000 --orgs 20</pre>
 */
public final class IngestBenchmark {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 3);

  public static void run(long rows, int orgCount) throws IOException {
    Path dir = Files.createTempDirectory("adlake-bench-");
    List<Org> orgs = new ArrayList<>();
    for (int i = 0; i < orgCount; i++) {
      orgs.add(new Org(OrgId.of(String.format(Locale.ROOT, "org-%04d", i)), "Org " + i, "EUR", "Europe/Berlin",
          Map.of("dv360", SourceOptions.defaults())));
    }
    long bytes = writeReports(dir.resolve("landing"), orgs, rows);
    System.out.printf(Locale.ROOT, "input: %,d rows in %d DV360 reports, %.1f MB%n", rows, orgCount, bytes / 1e6);

    AdlakeConfig config = new AdlakeConfig("bench", dir, dir,
        new CatalogSettings("adlake", CatalogSettings.JDBC, "jdbc:sqlite:" + dir.resolve("catalog.db"), dir.resolve("warehouse").toString(), Map.of()),
        dir.resolve("landing").toString(),
        new SparkSettings("local[" + java.lang.Runtime.getRuntime().availableProcessors() + "]",
            java.lang.Runtime.getRuntime().availableProcessors() * 2, Map.of("spark.ui.enabled", "false")),
        S3Settings.defaults(), 7);
    SparkSession spark = SparkSessionFactory.create(config, "adlake-bench");
    try {
      Lakehouse lakehouse = new Lakehouse(spark, "adlake");
      LocalLandingStore store = new LocalLandingStore();
      OrgRegistry registry = new OrgRegistry(orgs);
      String root = dir.resolve("landing").toString();
      LandingScan scan = LandingScan.of(root, store.list(root));

      long start = System.nanoTime();
      IngestReport report = new IngestJob(lakehouse, registry, store, Progress.silent()).run(scan.slices(), scan.rejected());
      double ingestSeconds = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      new SilverJob(lakehouse, registry, 7, Progress.silent()).run(DAY);
      double silverSeconds = (System.nanoTime() - start) / 1e9;

      System.out.printf(Locale.ROOT, "cores: %d, max heap: %d MB%n",
          java.lang.Runtime.getRuntime().availableProcessors(), java.lang.Runtime.getRuntime().maxMemory() >> 20);
      System.out.printf(Locale.ROOT, "ingest: %,d rows read (%,d accepted, %,d quarantined) in %.1f s = %,.0f rows/s, %.1f MB/s [%s]%n",
          report.rowsRead(), report.rowsAccepted(), report.rowsQuarantined(), ingestSeconds,
          report.rowsRead() / ingestSeconds, bytes / 1e6 / ingestSeconds, report.reconciles() ? "reconciled" : "MISMATCH");
      System.out.printf(Locale.ROOT, "silver: %,d delivery rows merged in %.1f s = %,.0f rows/s%n",
          lakehouse.rowCount(Tables.SILVER_DELIVERY), silverSeconds, lakehouse.rowCount(Tables.SILVER_DELIVERY) / silverSeconds);
      System.out.printf(Locale.ROOT, "driver heap used at end: %d MB%n",
          (java.lang.Runtime.getRuntime().totalMemory() - java.lang.Runtime.getRuntime().freeMemory()) >> 20);
    } finally {
      spark.stop();
      try (var walk = Files.walk(dir)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** One report per org; line items are unique per org, so every line is its own silver row. */
  static long writeReports(Path landing, List<Org> orgs, long rows) throws IOException {
    Random random = new Random(1);
    long perOrg = rows / orgs.size();
    long bytes = 0;
    for (Org org : orgs) {
      Path file = landing.resolve(org.id().value()).resolve("dv360").resolve(DAY.toString()).resolve("report.csv");
      Files.createDirectories(file.getParent());
      try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        out.write("Date,Advertiser,Advertiser ID,Advertiser Currency,Insertion Order,Insertion Order ID,Line Item,"
            + "Line Item ID,Impressions,Clicks,Total Conversions,Revenue (Adv Currency),Media Cost (Advertiser Currency),"
            + "Total Media Cost (Advertiser Currency)\n");
        for (long i = 0; i < perOrg; i++) {
          long impressions = 1000 + random.nextInt(50_000);
          double media = impressions / 1000.0 * (1 + random.nextInt(8));
          out.write(String.format(Locale.ROOT, "2026/11/02,Advertiser %d,%d,EUR,IO %d,%d,Line item %d,%d,%d,%d,%.2f,%.2f,%.2f,%.2f%n",
              i % 50, 1000 + i % 50, i / 100, 100_000 + i / 100, i, 10_000_000 + i, impressions, impressions / 200,
              impressions / 5000.0, media * 1.4, media, media * 1.1));
        }
      }
      bytes += Files.size(file);
    }
    return bytes;
  }
}

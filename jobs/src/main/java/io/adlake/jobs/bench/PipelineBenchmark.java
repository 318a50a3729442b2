package io.adlake.jobs.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.SparkSessionFactory;
import io.adlake.catalog.landing.LocalLandingStore;
import io.adlake.jobs.Progress;
import io.adlake.jobs.publish.RunBranches;
import io.adlake.jobs.run.PipelineRun;
import io.adlake.jobs.run.RunOutcome;
import io.adlake.jobs.run.RunRequest;
import io.adlake.model.Source;
import io.adlake.model.Tables;
import io.adlake.model.config.AdlakeConfig;
import io.adlake.model.config.CatalogSettings;
import io.adlake.model.config.MartSettingsLoader;
import io.adlake.model.config.QualitySettingsLoader;
import io.adlake.model.config.S3Settings;
import io.adlake.model.config.ServeSettings;
import io.adlake.model.config.SparkSettings;
import io.adlake.model.org.Org;
import io.adlake.model.org.OrgId;
import io.adlake.model.org.OrgRegistry;
import io.adlake.model.org.SourceOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code adlake benchmark}: the whole pipeline (ingest, silver, silver gate, gold, gold gate,
 * publish) on generated DV360, TTD and Meta exports, against the plain-Spark floor on the same
 * files, in one JVM and one Spark session so every figure pays the same start-up. Three
 * comparisons, each on a scratch lakehouse of its own:
 *
 * <ol>
 *   <li>pipeline: {@code rows} lines over {@code orgs} orgs, one delivery day; adlake per stage
 *       against the floor;
 *   <li>tenancy: the same lines over {@code manyOrgs} orgs; per stage, many orgs against few;
 *   <li>history: the daily run of one day on a lakehouse that holds {@code historyDays} days before
 *       it, against the same run on an empty lakehouse.
 * </ol>
 *
 * Prints a table and writes the figures as JSON. Not a test: its figures are this machine's, to
 * compare runs.
 */
public final class PipelineBenchmark {

  /** What to measure. */
  public record Settings(
      long rows, int orgs, int manyOrgs, int historyDays, long dailyRows, Path json) {}

  /**
   * One adlake run: seconds per stage (ingest is the run's time before its first ledger step),
   * rows, peak heap.
   */
  public record Run(
      String scenario,
      int orgs,
      int files,
      long lines,
      double megabytes,
      String status,
      long rowsRead,
      long rowsAccepted,
      long rowsQuarantined,
      Map<String, Double> seconds,
      long peakHeapMb,
      int sparkJobs,
      List<SparkJobTally.Jobs> slowestJobs) {
    double stage(String name) {
      return seconds.getOrDefault(name, 0.0);
    }
  }

  /** Job descriptions listed per run, most time first. */
  private static final int SLOWEST = 8;

  private static final LocalDate DAY = LocalDate.of(2026, 11, 3);
  private static final List<String> STAGES =
      List.of("ingest", "silver", "silver-gate", "gold", "gold-gate", "publish", "total");

  private final Settings settings;
  private final Path shippedConf;
  private final PrintStream out;
  private final SparkJobTally tally = new SparkJobTally();

  public PipelineBenchmark(Settings settings, Path shippedConf, PrintStream out) {
    this.settings = settings;
    this.shippedConf = shippedConf;
    this.out = out;
  }

  public Map<String, Object> run(SparkSettings sparkSettings) throws IOException {
    Path dir = Files.createTempDirectory("adlake-benchmark-");
    Map<String, Object> report = new LinkedHashMap<>();
    try {
      AdlakeConfig config =
          new AdlakeConfig(
              "benchmark",
              shippedConf,
              dir,
              catalog("unused", dir.resolve("unused")),
              dir.toString(),
              sparkSettings,
              S3Settings.defaults(),
              7,
              ServeSettings.defaults());
      SparkSession spark = SparkSessionFactory.create(config, "adlake-benchmark");
      spark.sparkContext().addSparkListener(tally);
      try (HeapPeak heap = HeapPeak.start()) {
        report.put("machine", machine(spark));
        report.put("settings", settings);
        double configMs =
            OrgConfigurationLoad.millis(
                Files.createDirectories(dir.resolve("many-orgs-conf")),
                orgs(settings.manyOrgs()),
                shippedConf);
        report.put("configuration_load_ms", Map.of(settings.manyOrgs() + "_orgs", configMs));
        out.printf(
            Locale.ROOT,
            "configuration of %,d orgs (registry, marts, alerts, write-back, quality): loaded and validated in %.0f ms%n",
            settings.manyOrgs(),
            configMs);
        // A first small run of each kind warms the JVM and Spark, so no measured run pays for it.
        out.println("warming up (a small run and floor, not measured)");
        fullRun(spark, dir.resolve("warm-up"), "warm-up", orgs(2), 3_000, heap);
        PlainSparkFloor.run(spark, "bench_warm_up", dir.resolve("warm-up").resolve("landing"));

        out.printf(
            Locale.ROOT, "pipeline: %,d lines over %d orgs%n", settings.rows(), settings.orgs());
        Run few =
            fullRun(
                spark,
                dir.resolve("few"),
                "pipeline",
                orgs(settings.orgs()),
                settings.rows(),
                heap);
        heap.reset();
        PlainSparkFloor.Times floor =
            PlainSparkFloor.run(spark, "bench_few", dir.resolve("few").resolve("landing"));
        long floorHeap = heap.peakMb();
        out.printf(Locale.ROOT, "tenancy: the same lines over %d orgs%n", settings.manyOrgs());
        Run many =
            fullRun(
                spark,
                dir.resolve("many"),
                "tenancy",
                orgs(settings.manyOrgs()),
                settings.rows(),
                heap);
        out.printf(
            Locale.ROOT,
            "history: %d days of %,d lines, then one daily run; and the daily run alone%n",
            settings.historyDays(),
            settings.dailyRows());
        Run onHistory = historyRun(spark, dir.resolve("history"), heap);
        Run onEmpty =
            fullRun(
                spark,
                dir.resolve("empty"),
                "daily-empty",
                orgs(settings.orgs()),
                settings.dailyRows(),
                heap);

        report.put("runs", List.of(few, many, onHistory, onEmpty));
        report.put(
            "floor",
            Map.of(
                "seconds",
                Map.of(
                    "ingest",
                    floor.ingest(),
                    "silver",
                    floor.silver(),
                    "gold",
                    floor.gold(),
                    "total",
                    floor.total()),
                "rows",
                floor.rows(),
                "peak_heap_mb",
                floorHeap));
        Map<String, Object> ratios = new LinkedHashMap<>();
        ratios.put(
            "pipeline_vs_floor",
            Map.of(
                "ingest", few.stage("ingest") / floor.ingest(),
                "silver", few.stage("silver") / floor.silver(),
                "gold", few.stage("gold") / floor.gold(),
                "total", few.stage("total") / floor.total()));
        ratios.put("many_vs_few_orgs", stageRatios(many, few));
        ratios.put("history_vs_empty", stageRatios(onHistory, onEmpty));
        report.put("ratios", ratios);
        report.put(
            "targets",
            Map.of(
                "pipeline_vs_floor.total",
                3.0,
                "pipeline_vs_floor.ingest",
                1.5,
                "many_vs_few_orgs.every_stage",
                1.3,
                "history_vs_empty.total",
                1.2));
        print(few, many, onHistory, onEmpty, floor, floorHeap, ratios);
      } finally {
        spark.stop();
      }
      if (settings.json() != null) {
        Files.createDirectories(settings.json().toAbsolutePath().getParent());
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .writeValue(settings.json().toFile(), report);
        out.println("figures written to " + settings.json());
      }
      return report;
    } finally {
      try (var walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** One gated daily run of one delivery day on a lakehouse of its own. */
  private Run fullRun(
      SparkSession spark, Path dir, String scenario, List<Org> orgs, long rows, HeapPeak heap)
      throws IOException {
    BenchmarkExports.Written written =
        BenchmarkExports.writeDay(dir.resolve("landing"), orgs, rows, DAY);
    return timed(spark, dir, scenario, orgs, written, RunRequest.daily(DAY), heap);
  }

  /**
   * Days of history in one backfill run (not measured), then the daily run of the next day
   * (measured).
   */
  private Run historyRun(SparkSession spark, Path dir, HeapPeak heap) throws IOException {
    List<Org> orgs = orgs(settings.orgs());
    Path landing = dir.resolve("landing");
    LocalDate first = DAY.minusDays(settings.historyDays());
    for (LocalDate d = first; d.isBefore(DAY); d = d.plusDays(1)) {
      BenchmarkExports.writeDay(landing, orgs, settings.dailyRows(), d);
    }
    Pipeline history = pipeline(spark, dir, orgs);
    long start = System.nanoTime();
    RunOutcome backfill =
        history
            .run()
            .run(
                new RunRequest(
                    first, DAY.minusDays(1), DAY.minusDays(2), settings.historyDays(), false));
    out.printf(
        Locale.ROOT,
        "  history built: %d days, %s, %,d rows read, in %.1f s (not measured)%n",
        settings.historyDays(),
        backfill.record().status(),
        backfill.record().rowsRead(),
        (System.nanoTime() - start) / 1e9);
    BenchmarkExports.Written written =
        BenchmarkExports.writeDay(landing, orgs, settings.dailyRows(), DAY);
    return timed(spark, dir, "daily-on-history", orgs, written, RunRequest.daily(DAY), heap);
  }

  private record Pipeline(PipelineRun run, Lakehouse lakehouse) {}

  private Pipeline pipeline(SparkSession spark, Path dir, List<Org> orgs) throws IOException {
    // The run's own conf: the shipped gates, and the marts' defaults (the shipped org sections name
    // other orgs).
    Path conf = dir.resolve("conf");
    if (!Files.isDirectory(conf)) {
      Files.createDirectories(conf);
      Files.copy(
          shippedConf.resolve(QualitySettingsLoader.FILE),
          conf.resolve(QualitySettingsLoader.FILE));
      String marts = Files.readString(shippedConf.resolve(MartSettingsLoader.FILE));
      Files.writeString(
          conf.resolve(MartSettingsLoader.FILE),
          marts.substring(0, marts.indexOf("\norgs:")) + "\n");
    }
    CatalogSettings catalog =
        catalog("bench_" + dir.getFileName().toString().replace('-', '_'), dir);
    catalog.sparkConf().forEach(spark.conf()::set);
    Lakehouse lakehouse = new Lakehouse(spark, catalog.name());
    OrgRegistry registry = new OrgRegistry(orgs);
    PipelineRun run =
        new PipelineRun(
            lakehouse,
            RunBranches.forCatalog(lakehouse, catalog),
            catalog.type(),
            registry,
            new LocalLandingStore(),
            dir.resolve("landing").toString(),
            MartSettingsLoader.load(conf, registry),
            QualitySettingsLoader.load(conf),
            7,
            conf,
            Progress.silent().describeSparkJobs(spark.sparkContext()));
    return new Pipeline(run, lakehouse);
  }

  private Run timed(
      SparkSession spark,
      Path dir,
      String scenario,
      List<Org> orgs,
      BenchmarkExports.Written written,
      RunRequest request,
      HeapPeak heap)
      throws IOException {
    Pipeline pipeline = pipeline(spark, dir, orgs);
    System.gc();
    heap.reset();
    tally.reset();
    Instant started = Instant.now();
    long start = System.nanoTime();
    RunOutcome outcome = pipeline.run().run(request);
    double total = (System.nanoTime() - start) / 1e9;
    long peak = heap.peakMb();
    List<SparkJobTally.Jobs> jobs = tally.jobs();
    Map<String, Double> seconds = new LinkedHashMap<>();
    double steps = 0;
    seconds.put("ingest", 0.0);
    for (Row step :
        pipeline
            .lakehouse()
            .read(Tables.JOB_RUNS)
            .filter(org.apache.spark.sql.functions.col("started_at").geq(Timestamp.from(started)))
            .orderBy("finished_at")
            .collectAsList()) {
      double s = step.<Long>getAs("duration_ms") / 1e3;
      seconds.merge(step.getAs("step"), s, Double::sum);
      steps += s;
    }
    seconds.put("ingest", total - steps);
    seconds.put("total", total);
    Run run =
        new Run(
            scenario,
            orgs.size(),
            written.files(),
            written.lines(),
            written.bytes() / 1e6,
            outcome.record().status(),
            outcome.record().rowsRead(),
            outcome.record().rowsAccepted(),
            outcome.record().rowsQuarantined(),
            seconds,
            peak,
            jobs.stream().mapToInt(SparkJobTally.Jobs::jobs).sum(),
            jobs.subList(0, Math.min(SLOWEST, jobs.size())));
    out.printf(
        Locale.ROOT,
        "  %s: %d orgs, %,d files, %,d lines (%.1f MB): %s, %,d read = %,d accepted + %,d quarantined, %.1f s, peak heap %,d MB%n",
        scenario,
        run.orgs(),
        run.files(),
        run.lines(),
        run.megabytes(),
        run.status(),
        run.rowsRead(),
        run.rowsAccepted(),
        run.rowsQuarantined(),
        total,
        peak);
    out.printf(Locale.ROOT, "    %,d Spark jobs; the most time:%n", run.sparkJobs());
    for (SparkJobTally.Jobs j : run.slowestJobs()) {
      out.printf(
          Locale.ROOT,
          "    %7.1f s %4d job(s)  %s%n",
          j.seconds(),
          j.jobs(),
          j.description().length() > 140
              ? j.description().substring(0, 140) + "..."
              : j.description());
    }
    return run;
  }

  private static Map<String, Double> stageRatios(Run a, Run b) {
    Map<String, Double> ratios = new LinkedHashMap<>();
    for (String stage : STAGES) {
      if (b.stage(stage) > 0) {
        ratios.put(stage, a.stage(stage) / b.stage(stage));
      }
    }
    return ratios;
  }

  @SuppressWarnings("unchecked")
  private void print(
      Run few,
      Run many,
      Run onHistory,
      Run onEmpty,
      PlainSparkFloor.Times floor,
      long floorHeap,
      Map<String, Object> ratios) {
    out.println();
    out.printf(
        Locale.ROOT,
        "%-12s %10s %10s %8s %10s %10s %8s %10s %10s %8s%n",
        "seconds",
        "adlake",
        "floor",
        "ratio",
        few.orgs() + " orgs",
        many.orgs() + " orgs",
        "ratio",
        "empty",
        settings.historyDays() + " days",
        "ratio");
    Map<String, Double> floorStages =
        Map.of(
            "ingest",
            floor.ingest(),
            "silver",
            floor.silver(),
            "gold",
            floor.gold(),
            "total",
            floor.total());
    for (String stage : STAGES) {
      Double f = floorStages.get(stage);
      out.printf(
          Locale.ROOT,
          "%-12s %10.1f %10s %8s %10.1f %10.1f %8s %10.1f %10.1f %8s%n",
          stage,
          few.stage(stage),
          f == null ? "" : String.format(Locale.ROOT, "%.1f", f),
          f == null ? "" : ratio(few.stage(stage) / f),
          few.stage(stage),
          many.stage(stage),
          ratio(many.stage(stage) / few.stage(stage)),
          onEmpty.stage(stage),
          onHistory.stage(stage),
          ratio(onHistory.stage(stage) / onEmpty.stage(stage)));
    }
    out.printf(
        Locale.ROOT,
        "%-12s %10d %10d %8s %10d %10d %8s %10d %10d%n",
        "peak heap MB",
        few.peakHeapMb(),
        floorHeap,
        "",
        few.peakHeapMb(),
        many.peakHeapMb(),
        "",
        onEmpty.peakHeapMb(),
        onHistory.peakHeapMb());
    out.printf(
        Locale.ROOT,
        "%ntargets: pipeline <= 3x floor (%.2fx), ingest <= 1.5x floor (%.2fx), %d orgs / %d orgs <= 1.3 every stage (worst %.2fx), history / empty <= 1.2 (%.2fx)%n",
        ((Map<String, Double>) ratios.get("pipeline_vs_floor")).get("total"),
        ((Map<String, Double>) ratios.get("pipeline_vs_floor")).get("ingest"),
        many.orgs(),
        few.orgs(),
        ((Map<String, Double>) ratios.get("many_vs_few_orgs"))
            .values().stream().mapToDouble(Double::doubleValue).max().orElse(0),
        ((Map<String, Double>) ratios.get("history_vs_empty")).get("total"));
  }

  private static String ratio(double r) {
    return Double.isFinite(r) ? String.format(Locale.ROOT, "%.2fx", r) : "";
  }

  private static Map<String, Object> machine(SparkSession spark) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
    m.put("java", System.getProperty("java.version"));
    m.put("spark", spark.version());
    m.put("spark_master", spark.sparkContext().master());
    m.put("shuffle_partitions", spark.conf().get("spark.sql.shuffle.partitions"));
    m.put("at", Instant.now().toString());
    return m;
  }

  private static CatalogSettings catalog(String name, Path dir) {
    return new CatalogSettings(
        name,
        CatalogSettings.JDBC,
        "jdbc:sqlite:" + dir.resolve("catalog.db"),
        dir.resolve("warehouse").toUri().toString(),
        Map.of());
  }

  static List<Org> orgs(int count) {
    List<Org> orgs = new ArrayList<>();
    Map<String, SourceOptions> sources =
        Map.of(
            Source.DV360.id(),
            SourceOptions.defaults(),
            Source.TTD.id(),
            SourceOptions.defaults(),
            Source.META.id(),
            SourceOptions.defaults());
    for (int i = 0; i < count; i++) {
      orgs.add(
          new Org(
              OrgId.of(String.format(Locale.ROOT, "org-%04d", i)),
              "Org " + i,
              "EUR",
              "Europe/Berlin",
              sources));
    }
    return orgs;
  }
}

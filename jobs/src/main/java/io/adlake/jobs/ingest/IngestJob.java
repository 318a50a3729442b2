package io.adlake.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.landing.LandedFile;
import io.adlake.catalog.landing.LandingScan;
import io.adlake.catalog.landing.LandingStore;
import io.adlake.catalog.landing.SliceKey;
import io.adlake.catalog.tables.SliceFilter;
import io.adlake.catalog.tables.TableWrites;
import io.adlake.jobs.Progress;
import io.adlake.model.Source;
import io.adlake.model.Tables;
import io.adlake.model.org.OrgRegistry;
import io.adlake.transforms.formats.ExportFormat;
import io.adlake.transforms.formats.ExportFormats;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Bronze ingest of a batch of landed slices, all orgs and sources in one Spark job.
 *
 * <ol>
 *   <li>checksum every file and read its first line (on the executors);
 *   <li>plan each slice against the manifest: new, restatement, re-delivery to skip, or rejected;
 *       claim the slices to write in {@code ops.ingest_claims} (a slice another live ingest holds
 *       is left to it) and plan the claimed ones again;
 *   <li>parse the files to ingest, per format, on the executors: accepted rows, quarantined rows
 *       with a reason, footer lines;
 *   <li>replace the slices in each bronze table and in the quarantine table, one atomic commit per
 *       table;
 *   <li>count what landed per file and check it against what was read;
 *   <li>record every file in the manifest, then release the claims.
 * </ol>
 *
 * <p>A crash before step 6 leaves the manifest without the batch, so a rerun plans the same slices
 * again and replaces them again: slices are never appended twice.
 */
public final class IngestJob {

  private static final int QUARANTINE_SAMPLES = 10;

  private final Lakehouse lakehouse;
  private final OrgRegistry orgs;
  private final LandingStore store;
  private final Progress progress;

  public IngestJob(Lakehouse lakehouse, OrgRegistry orgs, LandingStore store, Progress progress) {
    this.lakehouse = lakehouse;
    this.orgs = orgs;
    this.store = store;
    this.progress = progress;
  }

  public IngestReport run(
      Map<SliceKey, List<LandedFile>> slices, List<LandingScan.Rejected> unplaced) {
    String batchId = newBatchId();
    Timestamp ingestedAt = Timestamp.from(Instant.now());
    IngestManifest manifest = new IngestManifest(lakehouse);

    List<LandedFile> all = slices.values().stream().flatMap(List::stream).toList();
    progress.step(
        "ingest "
            + batchId
            + ": inspecting "
            + all.size()
            + " file(s) in "
            + slices.size()
            + " slice(s)");
    Map<String, FileFacts> facts =
        FileInspector.inspect(lakehouse.spark(), store, all).stream()
            .collect(Collectors.toMap(FileFacts::uri, Function.identity()));
    Map<SliceKey, List<FileFacts>> delivered = new LinkedHashMap<>();
    slices.forEach(
        (k, files) -> delivered.put(k, files.stream().map(f -> facts.get(f.uri())).toList()));

    List<SlicePlan> planned =
        IngestPlanner.plan(delivered, manifest.current(delivered.keySet()), orgs);
    IngestClaims claims = new IngestClaims(lakehouse, Clock.systemUTC(), batchId);
    IngestClaims.Claimed claimed =
        claims.claim(
            planned.stream().filter(p -> p.action().writes()).map(SlicePlan::key).toList());
    IngestReport report;
    try {
      report =
          ingest(
              batchId,
              ingestedAt,
              manifest,
              underClaims(planned, claimed, delivered, manifest),
              unplaced);
    } catch (RuntimeException | Error failed) {
      try {
        claims.release(claimed.held());
      } catch (RuntimeException notReleased) {
        failed.addSuppressed(notReleased);
      }
      throw failed;
    }
    claims.release(claimed.held());
    return report;
  }

  /**
   * The plan as it stands once this batch holds its slices: a slice another live batch holds is
   * left to it, and the held ones are planned again against the manifest, since a batch that
   * finished them between the first plan and the claim made them re-deliveries (or restatements of
   * its batch rather than new).
   */
  private List<SlicePlan> underClaims(
      List<SlicePlan> planned,
      IngestClaims.Claimed claimed,
      Map<SliceKey, List<FileFacts>> delivered,
      IngestManifest manifest) {
    Map<SliceKey, List<FileFacts>> held = new LinkedHashMap<>();
    claimed.held().forEach(k -> held.put(k, delivered.get(k)));
    Map<SliceKey, SlicePlan> again = new HashMap<>();
    IngestPlanner.plan(held, manifest.current(held.keySet()), orgs)
        .forEach(p -> again.put(p.key(), p));
    List<SlicePlan> plans = new ArrayList<>();
    for (SlicePlan plan : planned) {
      String holder = claimed.elsewhere().get(plan.key());
      if (holder != null) {
        plans.add(
            new SlicePlan(
                plan.key(),
                SliceAction.CLAIMED_ELSEWHERE,
                plan.files(),
                null,
                "being ingested by " + holder));
      } else {
        plans.add(again.getOrDefault(plan.key(), plan));
      }
    }
    return plans;
  }

  private IngestReport ingest(
      String batchId,
      Timestamp ingestedAt,
      IngestManifest manifest,
      List<SlicePlan> plans,
      List<LandingScan.Rejected> unplaced) {
    List<SlicePlan> writing = plans.stream().filter(p -> p.action().writes()).toList();
    announce(plans, writing);
    Map<ExportFormat, List<FileTask>> tasks = tasksByFormat(writing, batchId, ingestedAt);
    BronzeWritten written = writeBronze(writing, tasks, batchId);
    List<FileOutcome> outcomes = outcomes(plans, tasks, written.lines());
    if (!writing.isEmpty()) {
      // Its own step, so the Spark jobs that read the written slices back are not labelled as the
      // quarantine write.
      progress.step(
          "ingest: reconciling " + outcomes.size() + " file(s) with what the tables hold");
    }
    List<String> errors = reconcile(batchId, outcomes, writing);
    manifest.record(batchId, ingestedAt, outcomes);
    progress.step("ingest: recorded " + outcomes.size() + " file(s) in the manifest");
    return new IngestReport(batchId, outcomes, unplaced, written.samples(), errors);
  }

  /**
   * What writing a batch's bronze rows found.
   *
   * @param lines per file, what its lines became
   * @param samples the first quarantined lines, as "file:line: reason"
   */
  private record BronzeWritten(Map<String, LineCounts> lines, List<String> samples) {}

  private void announce(List<SlicePlan> plans, List<SlicePlan> writing) {
    progress.step(
        "ingest: "
            + writing.size()
            + " slice(s) to write, "
            + plans.stream().filter(p -> p.action() == SliceAction.SKIPPED_DUPLICATE).count()
            + " already ingested, "
            + plans.stream().filter(p -> p.action() == SliceAction.REJECTED).count()
            + " rejected, "
            + plans.stream().filter(p -> p.action() == SliceAction.CLAIMED_ELSEWHERE).count()
            + " being ingested by another batch");
  }

  /**
   * The files of the writing slices, each with the format it is in and what its rows' lineage
   * needs, by format.
   */
  private Map<ExportFormat, List<FileTask>> tasksByFormat(
      List<SlicePlan> writing, String batchId, Timestamp ingestedAt) {
    Map<ExportFormat, List<FileTask>> tasks = new LinkedHashMap<>();
    for (SlicePlan plan : writing) {
      for (FileFacts file : plan.files()) {
        ExportFormat format = ExportFormats.detect(plan.key().source(), file.firstLine());
        tasks
            .computeIfAbsent(format, f -> new ArrayList<>())
            .add(
                new FileTask(
                    file.uri(),
                    plan.key().org().value(),
                    Date.valueOf(plan.key().deliveryDate()),
                    file.sha256(),
                    format.name(),
                    orgs.require(plan.key().org()).options(plan.key().source()),
                    batchId,
                    ingestedAt));
      }
    }
    return tasks;
  }

  /**
   * Parses the files format by format and replaces the writing slices in each bronze table, then in
   * the quarantine. Each format's parsed lines stay cached until everything is written, then are
   * dropped.
   */
  private BronzeWritten writeBronze(
      List<SlicePlan> writing, Map<ExportFormat, List<FileTask>> tasks, String batchId) {
    lakehouse.ensure(Tables.QUARANTINE, BronzeRows.QUARANTINE);
    Map<String, LineCounts> lines = new HashMap<>();
    List<Dataset<Row>> quarantines = new ArrayList<>();
    List<Dataset<Row>> cached = new ArrayList<>();
    List<String> samples = new ArrayList<>();
    int filesToParse = tasks.values().stream().mapToInt(List::size).sum();
    int filesParsed = 0;
    try {
      for (ExportFormat format : formatsToWrite(writing)) {
        List<FileTask> formatTasks = tasks.getOrDefault(format, List.of());
        progress.step("ingest: parsing " + formatTasks.size() + " file(s) as " + format.name());
        Dataset<Row> envelope = parse(format, formatTasks);
        cached.add(envelope);
        LineCounts ofFormat = countLines(envelope, lines);
        filesParsed += formatTasks.size();
        progress.done(
            String.format(
                Locale.ROOT,
                "ingest: %s: %,d line(s) read, %,d accepted, %,d quarantined; %d of %d file(s) parsed",
                format.name(),
                ofFormat.rowsRead(),
                ofFormat.accepted(),
                ofFormat.quarantined(),
                filesParsed,
                filesToParse));
        writeAccepted(format, envelope, writing, batchId);
        Dataset<Row> quarantined = quarantined(format, envelope);
        quarantines.add(quarantined);
        addSamples(samples, quarantined);
      }
      writeQuarantine(writing, quarantines, batchId);
    } finally {
      cached.forEach(Dataset::unpersist);
    }
    return new BronzeWritten(lines, samples);
  }

  /**
   * Adds what each file's lines of this format became to {@code perFile}, and returns the format's
   * totals.
   */
  private static LineCounts countLines(Dataset<Row> envelope, Map<String, LineCounts> perFile) {
    LineCounts ofFormat = LineCounts.NONE;
    for (Row r : envelope.groupBy("source_file", "_status").count().collectAsList()) {
      String file = r.getAs("source_file");
      String status = r.getAs("_status");
      long count = r.<Long>getAs("count");
      perFile.put(file, perFile.getOrDefault(file, LineCounts.NONE).plus(status, count));
      ofFormat = ofFormat.plus(status, count);
    }
    return ofFormat;
  }

  private void writeAccepted(
      ExportFormat format, Dataset<Row> envelope, List<SlicePlan> writing, String batchId) {
    lakehouse.ensure(format.table(), BronzeRows.bronze(format));
    Dataset<Row> accepted =
        envelope.filter(col("_status").equalTo(ParseFile.ACCEPTED)).select(firstColumns(format));
    TableWrites.overwriteWhere(
        lakehouse, format.table(), accepted, slicesOf(writing, format.source()), batchId);
  }

  /** The quarantined lines of a format, in the quarantine table's layout. */
  private static Dataset<Row> quarantined(ExportFormat format, Dataset<Row> envelope) {
    return envelope
        .filter(col("_status").equalTo(ParseFile.QUARANTINED))
        .select(
            col("org_id"),
            lit(format.source().id()).as("source"),
            lit(format.name()).as("format"),
            col("delivery_date"),
            col("source_file"),
            col("file_checksum"),
            col("batch_id"),
            col("ingested_at"),
            col("source_row_number"),
            col("_raw_line").as("raw_line"),
            col("_reason").as("reason"));
  }

  /**
   * Adds a format's first quarantined lines, by file and line, until there are {@value
   * #QUARANTINE_SAMPLES}.
   */
  private static void addSamples(List<String> samples, Dataset<Row> quarantined) {
    for (Row r :
        quarantined
            .orderBy("source_file", "source_row_number")
            .limit(QUARANTINE_SAMPLES)
            .collectAsList()) {
      if (samples.size() < QUARANTINE_SAMPLES) {
        samples.add(
            IngestReport.shortName(r.getAs("source_file"))
                + ":"
                + r.<Long>getAs("source_row_number")
                + ": "
                + r.getAs("reason"));
      }
    }
  }

  private void writeQuarantine(
      List<SlicePlan> writing, List<Dataset<Row>> quarantines, String batchId) {
    if (writing.isEmpty()) {
      return;
    }
    progress.step("ingest: writing quarantine");
    Dataset<Row> allQuarantined =
        quarantines.stream()
            .reduce(Dataset::unionByName)
            .orElse(lakehouse.spark().createDataFrame(List.of(), BronzeRows.QUARANTINE));
    TableWrites.overwriteWhere(
        lakehouse, Tables.QUARANTINE, allQuarantined, quarantineSlices(writing), batchId);
  }

  /**
   * Every planned file's fate; a file of a slice not written (skipped, rejected, claimed elsewhere)
   * read nothing.
   */
  private static List<FileOutcome> outcomes(
      List<SlicePlan> plans,
      Map<ExportFormat, List<FileTask>> tasks,
      Map<String, LineCounts> lines) {
    Map<String, String> formatOfFile = new HashMap<>();
    tasks
        .values()
        .forEach(formatTasks -> formatTasks.forEach(t -> formatOfFile.put(t.uri(), t.format())));
    List<FileOutcome> outcomes = new ArrayList<>();
    for (SlicePlan plan : plans) {
      for (FileFacts file : plan.files()) {
        LineCounts counted = lines.getOrDefault(file.uri(), LineCounts.NONE);
        outcomes.add(
            new FileOutcome(
                plan.key(),
                plan.action(),
                formatOfFile.get(file.uri()),
                file,
                counted.rowsRead(),
                counted.accepted(),
                counted.quarantined(),
                counted.footerLines(),
                plan.replacesBatchId(),
                plan.reason()));
      }
    }
    return outcomes;
  }

  /**
   * Every format of every source being written, so a restated slice loses rows of formats it no
   * longer has.
   */
  private static List<ExportFormat> formatsToWrite(List<SlicePlan> writing) {
    return writing.stream()
        .map(p -> p.key().source())
        .distinct()
        .flatMap(s -> ExportFormats.of(s).stream())
        .toList();
  }

  private Dataset<Row> parse(ExportFormat format, List<FileTask> tasks) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(lakehouse.spark().sparkContext());
    int partitions = Math.max(1, Math.min(Math.max(tasks.size(), 1), jsc.defaultParallelism() * 4));
    JavaRDD<Row> rows = jsc.parallelize(tasks, partitions).flatMap(new ParseFile(store));
    return lakehouse
        .spark()
        .createDataFrame(rows, BronzeRows.envelope(format))
        .persist(StorageLevel.MEMORY_AND_DISK());
  }

  private static Column[] firstColumns(ExportFormat format) {
    String[] names = BronzeRows.bronzeColumns(format);
    Column[] columns = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      columns[i] = col(names[i]);
    }
    return columns;
  }

  /** (org_id, delivery_date) of the writing slices of a source, as a condition on table columns. */
  private static Column slicesOf(List<SlicePlan> writing, Source source) {
    List<List<Object>> slices = new ArrayList<>();
    for (SlicePlan plan : writing) {
      if (plan.key().source() == source) {
        slices.add(List.of(plan.key().org().value(), Date.valueOf(plan.key().deliveryDate())));
      }
    }
    return SliceFilter.of(List.of("org_id", "delivery_date"), slices, "");
  }

  /** The writing slices of every source, as a condition on the quarantine's columns. */
  private static Column quarantineSlices(List<SlicePlan> writing) {
    Column slices = null;
    for (Source source : writing.stream().map(p -> p.key().source()).distinct().toList()) {
      Column one = col("source").equalTo(source.id()).and(slicesOf(writing, source));
      slices = slices == null ? one : slices.or(one);
    }
    return slices;
  }

  /** Counts what this batch left in the tables, per file, and compares it with what was read. */
  private List<String> reconcile(
      String batchId, List<FileOutcome> outcomes, List<SlicePlan> writing) {
    List<String> errors = new ArrayList<>();
    if (writing.isEmpty()) {
      return errors;
    }
    // Read back through the written slices' partitions only: a filter on the batch id alone would
    // make Iceberg
    // open every data file of the table's history to look at it.
    Map<String, Long> landed = new HashMap<>();
    for (ExportFormat format : formatsToWrite(writing)) {
      lakehouse
          .read(format.table())
          .filter(slicesOf(writing, format.source()).and(col("batch_id").equalTo(batchId)))
          .groupBy("source_file")
          .count()
          .collectAsList()
          .forEach(
              r -> landed.merge("A|" + r.getAs("source_file"), r.<Long>getAs("count"), Long::sum));
    }
    lakehouse
        .read(Tables.QUARANTINE)
        .filter(quarantineSlices(writing).and(col("batch_id").equalTo(batchId)))
        .groupBy("source_file")
        .count()
        .collectAsList()
        .forEach(
            r -> landed.merge("Q|" + r.getAs("source_file"), r.<Long>getAs("count"), Long::sum));
    for (FileOutcome o : outcomes) {
      if (!o.action().writes()) {
        continue;
      }
      long accepted = landed.getOrDefault("A|" + o.file().uri(), 0L);
      long quarantined = landed.getOrDefault("Q|" + o.file().uri(), 0L);
      if (accepted != o.rowsAccepted() || quarantined != o.rowsQuarantined()) {
        errors.add(
            o.file().uri()
                + ": read "
                + o.rowsAccepted()
                + " accepted + "
                + o.rowsQuarantined()
                + " quarantined, tables hold "
                + accepted
                + " + "
                + quarantined);
      }
    }
    return errors;
  }

  static String newBatchId() {
    String time =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC)
            .format(Instant.now());
    return "ingest-" + time + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}

package io.adlake.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.adlake.catalog.Lakehouse;
import io.adlake.model.Source;
import io.adlake.model.Tables;
import io.adlake.catalog.landing.LandedFile;
import io.adlake.catalog.landing.LandingScan;
import io.adlake.catalog.landing.LandingStore;
import io.adlake.catalog.landing.SliceKey;
import io.adlake.model.org.OrgRegistry;
import io.adlake.jobs.Progress;
import io.adlake.catalog.tables.SliceFilter;
import io.adlake.catalog.tables.TableWrites;
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
 *   <li>plan each slice against the manifest: new, restatement, re-delivery to skip, or rejected; claim the
 *       slices to write in {@code ops.ingest_claims} (a slice another live ingest holds is left to it) and plan
 *       the claimed ones again;
 *   <li>parse the files to ingest, per format, on the executors: accepted rows, quarantined rows with a reason,
 *       footer lines;
 *   <li>replace the slices in each bronze table and in the quarantine table, one atomic commit per table;
 *   <li>count what landed per file and check it against what was read;
 *   <li>record every file in the manifest, then release the claims.
 * </ol>
 *
 * <p>A crash before step 6 leaves the manifest without the batch, so a rerun plans the same slices again and
 * replaces them again: slices are never appended twice.
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

  public IngestReport run(Map<SliceKey, List<LandedFile>> slices, List<LandingScan.Rejected> unplaced) {
    String batchId = newBatchId();
    Timestamp ingestedAt = Timestamp.from(Instant.now());
    IngestManifest manifest = new IngestManifest(lakehouse);

    List<LandedFile> all = slices.values().stream().flatMap(List::stream).toList();
    progress.step("ingest " + batchId + ": inspecting " + all.size() + " file(s) in " + slices.size() + " slice(s)");
    Map<String, FileFacts> facts =
        FileInspector.inspect(lakehouse.spark(), store, all).stream()
            .collect(Collectors.toMap(FileFacts::uri, Function.identity()));
    Map<SliceKey, List<FileFacts>> delivered = new LinkedHashMap<>();
    slices.forEach((k, files) -> delivered.put(k, files.stream().map(f -> facts.get(f.uri())).toList()));

    List<SlicePlan> planned = IngestPlanner.plan(delivered, manifest.current(delivered.keySet()), orgs);
    IngestClaims claims = new IngestClaims(lakehouse, Clock.systemUTC(), batchId);
    IngestClaims.Claimed claimed = claims.claim(planned.stream().filter(p -> p.action().writes()).map(SlicePlan::key).toList());
    IngestReport report;
    try {
      report = ingest(batchId, ingestedAt, manifest, underClaims(planned, claimed, delivered, manifest), unplaced);
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
   * The plan as it stands once this batch holds its slices: a slice another live batch holds is left to it, and
   * the held ones are planned again against the manifest, since a batch that finished them between the first plan
   * and the claim made them re-deliveries (or restatements of its batch rather than new).
   */
  private List<SlicePlan> underClaims(List<SlicePlan> planned, IngestClaims.Claimed claimed, Map<SliceKey, List<FileFacts>> delivered, IngestManifest manifest) {
    Map<SliceKey, List<FileFacts>> held = new LinkedHashMap<>();
    claimed.held().forEach(k -> held.put(k, delivered.get(k)));
    Map<SliceKey, SlicePlan> again = new HashMap<>();
    IngestPlanner.plan(held, manifest.current(held.keySet()), orgs).forEach(p -> again.put(p.key(), p));
    List<SlicePlan> plans = new ArrayList<>();
    for (SlicePlan plan : planned) {
      String holder = claimed.elsewhere().get(plan.key());
      if (holder != null) {
        plans.add(new SlicePlan(plan.key(), SliceAction.CLAIMED_ELSEWHERE, plan.files(), null, "being ingested by " + holder));
      } else {
        plans.add(again.getOrDefault(plan.key(), plan));
      }
    }
    return plans;
  }

  private IngestReport ingest(String batchId, Timestamp ingestedAt, IngestManifest manifest, List<SlicePlan> plans, List<LandingScan.Rejected> unplaced) {
    List<SlicePlan> writing = plans.stream().filter(p -> p.action().writes()).toList();
    progress.step(
        "ingest: " + writing.size() + " slice(s) to write, "
            + plans.stream().filter(p -> p.action() == SliceAction.SKIPPED_DUPLICATE).count() + " already ingested, "
            + plans.stream().filter(p -> p.action() == SliceAction.REJECTED).count() + " rejected, "
            + plans.stream().filter(p -> p.action() == SliceAction.CLAIMED_ELSEWHERE).count() + " being ingested by another batch");

    // Which format each file is in, and which slices each bronze table must replace.
    Map<ExportFormat, List<FileTask>> tasks = new LinkedHashMap<>();
    Map<String, String> formatOfFile = new HashMap<>();
    for (SlicePlan plan : writing) {
      for (FileFacts file : plan.files()) {
        ExportFormat format = ExportFormats.detect(plan.key().source(), file.firstLine());
        formatOfFile.put(file.uri(), format.name());
        tasks.computeIfAbsent(format, f -> new ArrayList<>())
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
    lakehouse.ensure(Tables.QUARANTINE, BronzeRows.QUARANTINE);

    Map<String, long[]> counts = new HashMap<>();
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
        long[] ofFormat = new long[3];
        for (Row r : envelope.groupBy("source_file", "_status").count().collectAsList()) {
          int status = statusIndex(r.getString(1));
          counts.computeIfAbsent(r.getString(0), k -> new long[3])[status] += r.getLong(2);
          ofFormat[status] += r.getLong(2);
        }
        filesParsed += formatTasks.size();
        progress.done(
            String.format(
                Locale.ROOT,
                "ingest: %s: %,d line(s) read, %,d accepted, %,d quarantined; %d of %d file(s) parsed",
                format.name(), ofFormat[0] + ofFormat[1], ofFormat[0], ofFormat[1], filesParsed, filesToParse));
        lakehouse.ensure(format.table(), BronzeRows.bronze(format));
        Dataset<Row> accepted =
            envelope.filter(col("_status").equalTo(ParseFile.ACCEPTED)).select(firstColumns(format));
        TableWrites.overwriteWhere(lakehouse, format.table(), accepted, slicesOf(writing, format.source()), batchId);
        Dataset<Row> quarantined =
            envelope
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
        quarantines.add(quarantined);
        for (Row r : quarantined.orderBy("source_file", "source_row_number").limit(QUARANTINE_SAMPLES).collectAsList()) {
          if (samples.size() < QUARANTINE_SAMPLES) {
            samples.add(IngestReport.shortName(r.getString(4)) + ":" + r.getLong(8) + ": " + r.getString(10));
          }
        }
      }
      if (!writing.isEmpty()) {
        progress.step("ingest: writing quarantine");
        Dataset<Row> allQuarantined =
            quarantines.stream()
                .reduce(Dataset::unionByName)
                .orElse(lakehouse.spark().createDataFrame(List.of(), BronzeRows.QUARANTINE));
        TableWrites.overwriteWhere(lakehouse, Tables.QUARANTINE, allQuarantined, quarantineSlices(writing), batchId);
      }
    } finally {
      cached.forEach(Dataset::unpersist);
    }

    List<FileOutcome> outcomes = new ArrayList<>();
    for (SlicePlan plan : plans) {
      for (FileFacts file : plan.files()) {
        long[] c = counts.getOrDefault(file.uri(), new long[3]);
        outcomes.add(
            new FileOutcome(
                plan.key(),
                plan.action(),
                formatOfFile.get(file.uri()),
                file,
                c[0] + c[1],
                c[0],
                c[1],
                c[2],
                plan.replacesBatchId(),
                plan.reason()));
      }
    }
    if (!writing.isEmpty()) {
      // Its own step, so the Spark jobs that read the written slices back are not labelled as the quarantine write.
      progress.step("ingest: reconciling " + outcomes.size() + " file(s) with what the tables hold");
    }
    List<String> errors = reconcile(batchId, outcomes, writing);
    manifest.record(batchId, ingestedAt, outcomes);
    progress.step("ingest: recorded " + outcomes.size() + " file(s) in the manifest");
    return new IngestReport(batchId, outcomes, unplaced, samples, errors);
  }

  /** Every format of every source being written, so a restated slice loses rows of formats it no longer has. */
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
    return lakehouse.spark().createDataFrame(rows, BronzeRows.envelope(format)).persist(StorageLevel.MEMORY_AND_DISK());
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
  private List<String> reconcile(String batchId, List<FileOutcome> outcomes, List<SlicePlan> writing) {
    List<String> errors = new ArrayList<>();
    if (writing.isEmpty()) {
      return errors;
    }
    // Read back through the written slices' partitions only: a filter on the batch id alone would make Iceberg
    // open every data file of the table's history to look at it.
    Map<String, Long> landed = new HashMap<>();
    for (ExportFormat format : formatsToWrite(writing)) {
      lakehouse.read(format.table()).filter(slicesOf(writing, format.source()).and(col("batch_id").equalTo(batchId)))
          .groupBy("source_file").count().collectAsList()
          .forEach(r -> landed.merge("A|" + r.getString(0), r.getLong(1), Long::sum));
    }
    lakehouse.read(Tables.QUARANTINE).filter(quarantineSlices(writing).and(col("batch_id").equalTo(batchId))).groupBy("source_file").count().collectAsList()
        .forEach(r -> landed.merge("Q|" + r.getString(0), r.getLong(1), Long::sum));
    for (FileOutcome o : outcomes) {
      if (!o.action().writes()) {
        continue;
      }
      long accepted = landed.getOrDefault("A|" + o.file().uri(), 0L);
      long quarantined = landed.getOrDefault("Q|" + o.file().uri(), 0L);
      if (accepted != o.rowsAccepted() || quarantined != o.rowsQuarantined()) {
        errors.add(
            o.file().uri() + ": read " + o.rowsAccepted() + " accepted + " + o.rowsQuarantined()
                + " quarantined, tables hold " + accepted + " + " + quarantined);
      }
    }
    return errors;
  }

  private static int statusIndex(String status) {
    return switch (status) {
      case ParseFile.ACCEPTED -> 0;
      case ParseFile.QUARANTINED -> 1;
      default -> 2;
    };
  }

  static String newBatchId() {
    String time = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
    return "ingest-" + time + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}

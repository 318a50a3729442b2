package io.adlake.jobs.run;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.TableSpec;
import io.adlake.catalog.Tables;
import io.adlake.catalog.config.OrgMartSettings;
import io.adlake.catalog.config.QualitySettings;
import io.adlake.catalog.landing.LandedFile;
import io.adlake.catalog.landing.LandingScan;
import io.adlake.catalog.landing.LandingStore;
import io.adlake.catalog.landing.SliceKey;
import io.adlake.catalog.org.OrgId;
import io.adlake.catalog.org.OrgRegistry;
import io.adlake.jobs.LayerReport;
import io.adlake.jobs.Progress;
import io.adlake.jobs.gold.GoldJob;
import io.adlake.jobs.ingest.IngestJob;
import io.adlake.jobs.ingest.IngestReport;
import io.adlake.jobs.publish.PublishResult;
import io.adlake.jobs.publish.WriteAuditPublish;
import io.adlake.jobs.silver.SilverJob;
import io.adlake.quality.GateReport;
import io.adlake.quality.MetricHistory;
import io.adlake.quality.QualityGate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One pipeline run, write-audit-publish: ingest the deliveries into bronze (as delivered, directly), build silver
 * on the run's branch, gate it, build gold on the branch, gate it, publish. A gate that fails at error level stops
 * the run there: main is untouched and the branch is kept. Every attempt ends with a row in {@code ops.job_runs}.
 */
public final class PipelineRun {

  /** Where the run's writes go: a branch of the catalog the run uses, begun fresh under the given name. */
  public interface Isolation extends Function<String, WriteAuditPublish> {}

  private final Lakehouse main;
  private final Isolation isolation;
  private final String catalogType;
  private final OrgRegistry orgs;
  private final LandingStore store;
  private final String landingRoot;
  private final OrgMartSettings marts;
  private final QualitySettings quality;
  private final int fxLookbackDays;
  private final Path confDir;
  private final Progress progress;

  public PipelineRun(
      Lakehouse main, Isolation isolation, String catalogType, OrgRegistry orgs, LandingStore store, String landingRoot, OrgMartSettings marts,
      QualitySettings quality, int fxLookbackDays, Path confDir, Progress progress) {
    this.main = main;
    this.isolation = isolation;
    this.catalogType = catalogType;
    this.orgs = orgs;
    this.store = store;
    this.landingRoot = landingRoot;
    this.marts = marts;
    this.quality = quality;
    this.fxLookbackDays = fxLookbackDays;
    this.confDir = confDir;
    this.progress = progress;
  }

  public RunOutcome run(RunRequest request) {
    Instant started = Instant.now();
    IngestReport ingest = ingest(request);
    String runId = RunId.of(request, main, confDir);
    RunLedger ledger = new RunLedger(main);
    int attempt = ledger.nextAttempt(runId);
    Builder record = new Builder(request, runId, attempt, started, ingest);

    Optional<String> earlier = ledger.publishedBy(runId);
    if (earlier.isPresent() && !request.force()) {
      progress.step("run " + runId + ": already published (" + earlier.get() + "); inputs and configuration unchanged, nothing to do");
      return finish(ledger, record.status(RunStatus.ALREADY_PUBLISHED).message("published before by " + earlier.get() + "; nothing done"), ingest,
          List.of(), null, null, null);
    }

    Set<String> knownOrgs = orgs.orgs().stream().map(o -> o.id().value()).collect(Collectors.toSet());
    List<LayerReport> layers = new ArrayList<>();
    progress.step("run " + runId + ": writing silver and gold on branch " + runId);
    try (WriteAuditPublish wap = isolation.apply(runId)) {
      Lakehouse staged = wap.staged();
      MetricHistory history = MetricHistory.load(main, request.asOf(), quality.historyRuns());
      QualityGate gate = new QualityGate(staged, quality, knownOrgs, history);

      layers.add(new SilverJob(staged, orgs, fxLookbackDays, progress).run(request.firstDelivery(), request.lastDelivery()));
      progress.step("run " + runId + ": silver gate");
      GateReport silverGate = gate.run(runId, "silver", layer("silver"), request.asOf());
      GateResults.record(main, silverGate);
      record.silverGate(silverGate.summary()).staged(wap);
      if (!silverGate.passed()) {
        return finish(ledger, record.status(RunStatus.GATE_FAILED).message(silverGate.summary() + "; main unchanged, branch " + wap.branch() + " kept"),
            ingest, layers, silverGate, null, null);
      }

      Map<OrgId, java.time.LocalDate> asOf = new LinkedHashMap<>();
      orgs.orgs().forEach(o -> asOf.put(o.id(), request.asOf()));
      layers.add(new GoldJob(staged, orgs, marts, fxLookbackDays, progress).run(asOf, request.rebuildDays()));
      progress.step("run " + runId + ": gold gate");
      GateReport goldGate = gate.run(runId, "gold", layer("gold"), request.asOf());
      GateResults.record(main, goldGate);
      record.goldGate(goldGate.summary()).staged(wap);
      if (!goldGate.passed()) {
        return finish(ledger, record.status(RunStatus.GATE_FAILED).message(goldGate.summary() + "; main unchanged, branch " + wap.branch() + " kept"),
            ingest, layers, silverGate, goldGate, null);
      }

      progress.step("run " + runId + ": gates passed; publishing");
      PublishResult published = wap.publish();
      record.published(published.mainAfter());
      RunStatus status =
          switch (published.outcome()) {
            case PUBLISHED, ALREADY_PUBLISHED -> RunStatus.PUBLISHED;
            case MAIN_MOVED -> RunStatus.MAIN_MOVED;
            case PARTIALLY_PUBLISHED -> RunStatus.PARTIALLY_PUBLISHED;
          };
      String message = published.ok() ? null : published.detail() + ": " + String.join("; ", published.conflicts()) + "; branch " + wap.branch() + " kept, rerun the date";
      return finish(ledger, record.status(status).message(message), ingest, layers, silverGate, goldGate, published);
    }
  }

  private IngestReport ingest(RunRequest request) {
    List<LandedFile> files;
    try {
      files = store.list(landingRoot);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the landing zone " + landingRoot, e);
    }
    LandingScan scan = LandingScan.of(landingRoot, files);
    Map<SliceKey, List<LandedFile>> slices = new LinkedHashMap<>();
    scan.slices().forEach(
        (key, landed) -> {
          if (!key.deliveryDate().isBefore(request.firstDelivery()) && !key.deliveryDate().isAfter(request.lastDelivery())) {
            slices.put(key, landed);
          }
        });
    progress.step("run: ingesting " + slices.size() + " slice(s) delivered " + request.firstDelivery() + " to " + request.lastDelivery());
    return new IngestJob(main, orgs, store, progress).run(slices, scan.rejected());
  }

  private static List<TableSpec> layer(String namespace) {
    return Tables.PUBLISHED.stream().filter(t -> t.namespace().equals(namespace)).toList();
  }

  private RunOutcome finish(
      RunLedger ledger, Builder record, IngestReport ingest, List<LayerReport> layers, GateReport silver, GateReport gold, PublishResult publish) {
    layers.forEach(l -> l.tables().forEach(t -> record.rowsWritten.merge(t.table(), t.rows(), Long::sum)));
    RunRecord done = record.build(catalogType, orgs);
    ledger.append(done);
    return new RunOutcome(done, ingest, layers, Optional.ofNullable(silver), Optional.ofNullable(gold), Optional.ofNullable(publish));
  }

  /** The ledger row as the run fills it in. */
  private static final class Builder {
    private final RunRequest request;
    private final String runId;
    private final int attempt;
    private final Instant started;
    private final IngestReport ingest;
    private final Map<String, Long> rowsWritten = new LinkedHashMap<>();
    private Map<String, Long> staged = Map.of();
    private Map<String, Long> published = Map.of();
    private RunStatus status;
    private String silverGate;
    private String goldGate;
    private String message;

    Builder(RunRequest request, String runId, int attempt, Instant started, IngestReport ingest) {
      this.request = request;
      this.runId = runId;
      this.attempt = attempt;
      this.started = started;
      this.ingest = ingest;
    }

    Builder status(RunStatus value) {
      status = value;
      return this;
    }

    Builder message(String value) {
      message = value;
      return this;
    }

    Builder silverGate(String value) {
      silverGate = value;
      return this;
    }

    Builder goldGate(String value) {
      goldGate = value;
      return this;
    }

    Builder staged(WriteAuditPublish wap) {
      staged = wap.stagedSnapshots();
      return this;
    }

    Builder published(Map<String, Long> value) {
      published = value;
      return this;
    }

    RunRecord build(String catalogType, OrgRegistry orgs) {
      return new RunRecord(
          runId, attempt, "run", request.firstDelivery(), request.lastDelivery(), request.asOf(),
          orgs.orgs().stream().map(o -> o.id().value()).toList(), catalogType, runId, status.code(), started, Instant.now(),
          ingest.rowsRead(), ingest.rowsAccepted(), ingest.rowsQuarantined(), rowsWritten, staged, published, silverGate, goldGate, message);
    }
  }
}

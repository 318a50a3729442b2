package io.adlake.jobs.run;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.landing.LandedFile;
import io.adlake.catalog.landing.LandingScan;
import io.adlake.catalog.landing.LandingStore;
import io.adlake.catalog.landing.SliceKey;
import io.adlake.catalog.landing.SliceSelection;
import io.adlake.jobs.LayerReport;
import io.adlake.jobs.Progress;
import io.adlake.jobs.gold.GoldJob;
import io.adlake.jobs.ingest.IngestJob;
import io.adlake.jobs.ingest.IngestReport;
import io.adlake.jobs.publish.HeldOrgRestore;
import io.adlake.jobs.publish.PublishResult;
import io.adlake.jobs.publish.RunBranches;
import io.adlake.jobs.publish.WriteAuditPublish;
import io.adlake.jobs.silver.DeliveryWindow;
import io.adlake.jobs.silver.SilverJob;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import io.adlake.model.config.OrgMartSettings;
import io.adlake.model.config.QualitySettings;
import io.adlake.model.org.OrgId;
import io.adlake.model.org.OrgRegistry;
import io.adlake.model.org.OrgScope;
import io.adlake.quality.ConstraintOutcome;
import io.adlake.quality.GateRecords;
import io.adlake.quality.GateReport;
import io.adlake.quality.MetricHistory;
import io.adlake.quality.QualityGate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One pipeline run, write-audit-publish: ingest the deliveries into bronze (as delivered,
 * directly), build silver on the run's branch, gate it, build gold on the branch, gate it, publish.
 * A gate that fails at error level stops the attempt there: main is untouched and the branch is
 * kept.
 *
 * <p>The steps after ingest ({@link RunStep}) can run all in one process ({@link #run}) or one per
 * process ({@link #step}), as Airflow runs them: every step appends the attempt's new state to
 * {@code ops.job_runs}, and a step reads the state it continues from there. A step whose work the
 * attempt already holds does nothing, so a retried or cleared task leaves the tables as they were.
 */
public final class PipelineRun {

  private static final List<RunStep> AFTER_SILVER =
      List.of(RunStep.SILVER_GATE, RunStep.GOLD, RunStep.GOLD_GATE, RunStep.PUBLISH);

  private final Lakehouse main;
  private final RunBranches branches;
  private final String catalogType;
  private final OrgRegistry orgs;
  private final LandingStore store;
  private final String landingRoot;
  private final OrgMartSettings marts;
  private final QualitySettings quality;
  private final int fxLookbackDays;
  private final Path confDir;
  private final Progress progress;
  private final RunLedger ledger;
  private final OrgHolds holds;

  public PipelineRun(
      Lakehouse main,
      RunBranches branches,
      String catalogType,
      OrgRegistry orgs,
      LandingStore store,
      String landingRoot,
      OrgMartSettings marts,
      QualitySettings quality,
      int fxLookbackDays,
      Path confDir,
      Progress progress) {
    this.main = main;
    this.branches = branches;
    this.catalogType = catalogType;
    this.orgs = orgs;
    this.store = store;
    this.landingRoot = landingRoot;
    this.marts = marts;
    this.quality = quality;
    this.fxLookbackDays = fxLookbackDays;
    this.confDir = confDir;
    this.progress = progress;
    this.ledger = new RunLedger(main);
    this.holds = new OrgHolds(main);
  }

  /** Ingest and every step, in one process, stopping where the attempt ends. */
  public RunOutcome run(RunRequest request) {
    return run(request, 0);
  }

  /**
   * Ingest and every step, in one process; when another run published a table this one wrote first
   * (main moved), a new attempt begins on the new main, at most {@code mainMovedRetries} times. Two
   * runs of different orgs or dates that overlap (a one-org backfill beside the daily run) both end
   * published this way, each with its own slices on top of the other's, and a run that keeps losing
   * the race stops with main moved instead of retrying for ever.
   */
  public RunOutcome run(RunRequest request, int mainMovedRetries) {
    IngestReport ingest = ingest(request);
    RunOutcome outcome = attempt(request, ingest);
    for (int retry = 1; retry <= mainMovedRetries && outcome.status().mainMoved(); retry++) {
      progress.step(
          "run "
              + outcome.record().runId()
              + ": main moved during the publish; attempt again on the new main ("
              + retry
              + " of "
              + mainMovedRetries
              + ")");
      outcome = attempt(request, ingest);
    }
    return outcome;
  }

  private RunOutcome attempt(RunRequest request, IngestReport ingest) {
    RunOutcome outcome = silver(request, Optional.of(ingest), "run");
    for (RunStep step : AFTER_SILVER) {
      if (RunStatus.of(outcome.record().status()).ended()) {
        break;
      }
      outcome = outcome.then(continueAttempt(request, step, outcome.record(), "run"));
    }
    return outcome;
  }

  /**
   * One step, as its own Airflow task runs it: the silver step begins an attempt (bronze must hold
   * the dates' deliveries already), the others continue the newest attempt of the same dates.
   *
   * @throws StepOrderException when the attempt has not reached the step before this one
   */
  public RunOutcome step(RunRequest request, RunStep step) {
    String command = "run --step " + step.id();
    if (step == RunStep.SILVER) {
      return silver(request, Optional.empty(), command);
    }
    RunRecord state =
        ledger
            .latest(request.firstDelivery(), request.lastDelivery(), request.asOf())
            .orElseThrow(
                () ->
                    new StepOrderException(
                        "no run of delivery dates "
                            + request.firstDelivery()
                            + " to "
                            + request.lastDelivery()
                            + " (as of "
                            + request.asOf()
                            + ") is in ops.job_runs; the silver step begins one"));
    return continueAttempt(request, step, state, command);
  }

  private RunOutcome silver(RunRequest request, Optional<IngestReport> ingest, String command) {
    Instant started = Instant.now();
    // An org held by an earlier run reads its deliveries again from that run's first date: its
    // slices are retried.
    Map<String, LocalDate> retryFrom = holds.openSince(scope(request));
    String runId = RunId.of(request, retryFrom, main, confDir);
    int attempt = ledger.nextAttempt(runId);
    Attempt next =
        new Attempt(
            runId, attempt, command, RunStep.SILVER, request, started, ingest, scope(request));

    Optional<String> earlier = ledger.publishedBy(runId);
    if (earlier.isPresent() && !request.force()) {
      progress.step(
          "run "
              + runId
              + ": already published ("
              + earlier.get()
              + "); inputs and configuration unchanged, nothing to do");
      return next.status(RunStatus.ALREADY_PUBLISHED)
          .message("published before by " + earlier.get() + "; nothing done")
          .append(ledger, catalogType, orgs);
    }
    progress.step("run " + runId + " attempt " + attempt + ": building silver on branch " + runId);
    try (WriteAuditPublish wap = branches.begin(runId)) {
      DeliveryWindow window =
          new DeliveryWindow(
              request.firstDelivery(), request.lastDelivery(), request.orgs(), retryFrom);
      if (!retryFrom.isEmpty()) {
        progress.step("run " + runId + ": retrying the slices of held org(s) " + retryFrom);
      }
      LayerReport silver = new SilverJob(wap.staged(), orgs, fxLookbackDays, progress).run(window);
      return next.layer(silver)
          .staged(wap)
          .status(RunStatus.SILVER_BUILT)
          .append(ledger, catalogType, orgs);
    }
  }

  private RunOutcome continueAttempt(
      RunRequest request, RunStep step, RunRecord state, String command) {
    RunStatus status = RunStatus.of(state.status());
    String attemptName = "run " + state.runId() + " attempt " + state.attempt();
    if (status.published()) {
      return RunOutcome.unchanged(
          state, attemptName + " is " + status.code() + "; nothing to do for step " + step.id());
    }
    if (status.ended()) {
      return RunOutcome.unchanged(
          state,
          attemptName
              + " ended "
              + status.code()
              + " at step "
              + state.step()
              + (state.message() == null ? "" : " (" + state.message() + ")")
              + "; a new attempt begins with the silver step");
    }
    if (status.ordinal() >= step.reaches().ordinal()) {
      return RunOutcome.unchanged(
          state,
          attemptName
              + " is at "
              + status.code()
              + " already; step "
              + step.id()
              + " has nothing to do");
    }
    RunStep before = RunStep.values()[step.ordinal() - 1];
    if (status != before.reaches()) {
      throw new StepOrderException(
          attemptName
              + " is at "
              + status.code()
              + "; step "
              + step.id()
              + " needs step "
              + before.id()
              + " first");
    }
    Attempt next = Attempt.after(state, command, step, request);
    progress.step(attemptName + ": " + step.id());
    try (WriteAuditPublish wap = branches.open(state.branch())) {
      return switch (step) {
        case SILVER_GATE -> gate(next, wap, "silver", request);
        case GOLD -> {
          // Gold is built for the orgs silver did not hold only: a held org's gold stays main's.
          Map<OrgId, LocalDate> asOf = new LinkedHashMap<>();
          orgs.orgs().stream()
              .filter(o -> next.judged().contains(o.id().value()))
              .forEach(o -> asOf.put(o.id(), request.asOf()));
          if (asOf.isEmpty()) {
            progress.step(attemptName + ": every org is held; no gold to build");
            yield next.status(RunStatus.GOLD_BUILT).append(ledger, catalogType, orgs);
          }
          LayerReport gold =
              new GoldJob(wap.staged(), orgs, marts, fxLookbackDays, progress)
                  .run(asOf, request.rebuildDays());
          yield next.layer(gold)
              .staged(wap)
              .status(RunStatus.GOLD_BUILT)
              .append(ledger, catalogType, orgs);
        }
        case GOLD_GATE -> gate(next, wap, "gold", request);
        case PUBLISH -> publish(next, wap);
        case SILVER -> throw new IllegalStateException("the silver step begins attempts");
      };
    }
  }

  /**
   * Gates a layer. A table-wide error ends the attempt; an org whose rows fail is held: its rows on
   * the branch become main's again in every table, the hold is recorded, and the other orgs go on.
   */
  private RunOutcome gate(Attempt next, WriteAuditPublish wap, String layer, RunRequest request) {
    LocalDate asOf = request.asOf();
    Set<String> knownOrgs =
        orgs.orgs().stream().map(o -> o.id().value()).collect(Collectors.toSet());
    // Only a run of every org that holds none judges every org; otherwise the orgs it still
    // carries, by name (none
    // when every one of them is held).
    OrgScope judged =
        request.orgs().isAll() && next.held.isEmpty()
            ? OrgScope.all()
            : OrgScope.only(next.judged());
    QualityGate gate =
        new QualityGate(
            wap.staged(),
            quality,
            knownOrgs,
            judged,
            MetricHistory.load(main, asOf, quality.historyRuns()),
            wap::changedRows);
    List<TableSpec> tables =
        Tables.PUBLISHED.stream().filter(t -> t.namespace().equals(layer)).toList();
    GateReport report = gate.run(next.runId, layer, tables, asOf);
    GateRecords.record(main, report);
    next.gate(report);
    if (!report.passed()) {
      return next.staged(wap)
          .status(RunStatus.GATE_FAILED)
          .message(report.summary() + "; main unchanged, branch " + wap.branch() + " kept")
          .append(ledger, catalogType, orgs);
    }
    Map<String, List<ConstraintOutcome>> held = new TreeMap<>(report.heldOrgs());
    held.keySet().removeAll(next.held);
    if (!held.isEmpty()) {
      progress.step(
          "run "
              + next.runId
              + ": holding "
              + held.keySet()
              + " ("
              + layer
              + " gate); their rows on the branch are main's again");
      HeldOrgRestore.restore(wap, held.keySet(), next.runId);
      // A held org that was retrying an earlier hold read its deliveries from that hold's first
      // date.
      Map<String, LocalDate> firstDelivery = new TreeMap<>();
      holds
          .openSince(held.keySet())
          .forEach(
              (org, since) ->
                  firstDelivery.put(
                      org,
                      since.isBefore(request.firstDelivery()) ? since : request.firstDelivery()));
      holds.hold(
          next.runId,
          next.attempt,
          layer,
          firstDelivery,
          request.firstDelivery(),
          request.lastDelivery(),
          asOf,
          held);
      next.held.addAll(held.keySet());
    }
    return next.staged(wap).status(next.step.reaches()).append(ledger, catalogType, orgs);
  }

  private RunOutcome publish(Attempt next, WriteAuditPublish wap) {
    PublishResult published = wap.publish();
    RunStatus status =
        switch (published.outcome()) {
          case PUBLISHED, ALREADY_PUBLISHED -> RunStatus.PUBLISHED;
          case MAIN_MOVED -> RunStatus.MAIN_MOVED;
          case PARTIALLY_PUBLISHED -> RunStatus.PARTIALLY_PUBLISHED;
        };
    next.publish(published).status(status);
    if (!published.ok()) {
      next.message(
          published.detail()
              + ": "
              + String.join("; ", published.conflicts())
              + "; branch "
              + wap.branch()
              + " kept, rerun the date");
    } else {
      holds.release(next.runId, next.judged(), next.request.lastDelivery());
      if (!next.held.isEmpty()) {
        next.message(
            "published without the held org(s) "
                + next.held
                + ": main keeps their last published rows; see ops.org_holds");
      }
    }
    return next.append(ledger, catalogType, orgs);
  }

  /** The orgs a request processes: those it names, or every registered org. */
  private Set<String> scope(RunRequest request) {
    return request.orgs().namedOr(orgs.orgs().stream().map(o -> o.id().value()).toList());
  }

  /**
   * Ingests the landing zone's deliveries of the run's dates into bronze, directly: bronze is as
   * delivered.
   */
  public IngestReport ingest(RunRequest request) {
    List<LandedFile> files;
    try {
      files = store.list(landingRoot);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the landing zone " + landingRoot, e);
    }
    LandingScan scan = LandingScan.of(landingRoot, files);
    // A run for some orgs ingests only theirs: the other orgs' deliveries wait for their own runs.
    Map<SliceKey, List<LandedFile>> slices =
        new SliceSelection(request.firstDelivery(), request.lastDelivery(), request.orgs(), null)
            .of(scan);
    progress.step(
        "run: ingesting "
            + slices.size()
            + " slice(s) delivered "
            + request.firstDelivery()
            + " to "
            + request.lastDelivery()
            + (request.orgs().isAll() ? "" : " for " + request.orgs()));
    return new IngestJob(main, orgs, store, progress).run(slices, scan.rejected());
  }

  /**
   * A step of an attempt as it fills in its ledger row: what the attempt held before, plus what the
   * step did.
   */
  private static final class Attempt {
    private final String runId;
    private final int attempt;
    private final String command;
    private final RunStep step;
    private final RunRequest request;
    private final Instant started;
    private final Optional<IngestReport> ingest;
    private long rowsRead;
    private long rowsAccepted;
    private long rowsQuarantined;
    private final Map<String, Long> rowsWritten = new LinkedHashMap<>();
    private Map<String, Long> staged = Map.of();
    private Map<String, Long> published = Map.of();
    private String silverGate;
    private String goldGate;
    private final Set<String> scope;
    private final Set<String> held = new TreeSet<>();
    private RunStatus status;
    private String message;
    private LayerReport layer;
    private GateReport gate;
    private PublishResult publish;

    Attempt(
        String runId,
        int attempt,
        String command,
        RunStep step,
        RunRequest request,
        Instant started,
        Optional<IngestReport> ingest,
        Set<String> scope) {
      this.runId = runId;
      this.attempt = attempt;
      this.command = command;
      this.step = step;
      this.request = request;
      this.started = started;
      this.ingest = ingest;
      this.scope = new TreeSet<>(scope);
      ingest.ifPresent(
          i -> {
            rowsRead = i.rowsRead();
            rowsAccepted = i.rowsAccepted();
            rowsQuarantined = i.rowsQuarantined();
          });
    }

    static Attempt after(RunRecord state, String command, RunStep step, RunRequest request) {
      Attempt next =
          new Attempt(
              state.runId(),
              state.attempt(),
              command,
              step,
              request,
              Instant.now(),
              Optional.empty(),
              new TreeSet<>(state.orgs()));
      next.rowsRead = state.rowsRead();
      next.rowsAccepted = state.rowsAccepted();
      next.rowsQuarantined = state.rowsQuarantined();
      next.rowsWritten.putAll(state.rowsWritten());
      next.staged = state.stagedSnapshots();
      next.silverGate = state.silverGate();
      next.goldGate = state.goldGate();
      next.held.addAll(state.heldOrgs());
      return next;
    }

    /** The orgs the attempt still carries: its scope, less the held ones. */
    Set<String> judged() {
      Set<String> judged = new TreeSet<>(scope);
      judged.removeAll(held);
      return judged;
    }

    Attempt status(RunStatus value) {
      status = value;
      return this;
    }

    Attempt message(String value) {
      message = value;
      return this;
    }

    Attempt layer(LayerReport report) {
      layer = report;
      report.tables().forEach(t -> rowsWritten.merge(t.table(), t.rows(), Long::sum));
      return this;
    }

    Attempt gate(GateReport report) {
      gate = report;
      if (report.layer().equals("silver")) {
        silverGate = report.summary();
      } else {
        goldGate = report.summary();
      }
      return this;
    }

    Attempt staged(WriteAuditPublish wap) {
      staged = wap.stagedSnapshots();
      return this;
    }

    Attempt publish(PublishResult result) {
      publish = result;
      published = result.mainAfter();
      return this;
    }

    RunOutcome append(RunLedger ledger, String catalogType, OrgRegistry orgs) {
      RunRecord record =
          new RunRecord(
              runId,
              attempt,
              command,
              step.id(),
              request.firstDelivery(),
              request.lastDelivery(),
              request.asOf(),
              List.copyOf(scope),
              List.copyOf(held),
              catalogType,
              runId,
              status.code(),
              started,
              Instant.now(),
              rowsRead,
              rowsAccepted,
              rowsQuarantined,
              rowsWritten,
              staged,
              published,
              silverGate,
              goldGate,
              message);
      ledger.append(record);
      return new RunOutcome(
          record,
          ingest,
          Optional.ofNullable(layer).stream().toList(),
          gate != null && gate.layer().equals("silver") ? Optional.of(gate) : Optional.empty(),
          gate != null && gate.layer().equals("gold") ? Optional.of(gate) : Optional.empty(),
          Optional.ofNullable(publish));
    }
  }
}

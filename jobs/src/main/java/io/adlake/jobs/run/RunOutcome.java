package io.adlake.jobs.run;

import io.adlake.jobs.LayerReport;
import io.adlake.jobs.ingest.IngestReport;
import io.adlake.jobs.publish.PublishResult;
import io.adlake.quality.GateReport;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a run, or one step of it, did, for the command's report and for tests. The record is the
 * attempt's state afterwards; ingest, layers, gates and publish are empty where this process did
 * not do them.
 */
public record RunOutcome(
    RunRecord record,
    Optional<IngestReport> ingest,
    List<LayerReport> layers,
    Optional<GateReport> silverGate,
    Optional<GateReport> goldGate,
    Optional<PublishResult> publish) {

  public RunOutcome {
    layers = List.copyOf(layers);
  }

  /**
   * A step that found its work done, or the attempt ended: the state as it was, and why nothing
   * happened.
   */
  static RunOutcome unchanged(RunRecord state, String why) {
    return new RunOutcome(
        state.withMessage(why),
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** This outcome followed by the next step's, in one process. */
  RunOutcome then(RunOutcome next) {
    List<LayerReport> all = new ArrayList<>(layers);
    all.addAll(next.layers);
    return new RunOutcome(
        next.record,
        ingest.or(next::ingest),
        all,
        next.silverGate.or(this::silverGate),
        next.goldGate.or(this::goldGate),
        next.publish.or(this::publish));
  }

  public RunStatus status() {
    return RunStatus.of(record.status());
  }

  public void print(PrintStream out) {
    layers.forEach(l -> l.print(out));
    out.printf(
        Locale.ROOT,
        "%nRun %s (attempt %d, branch %s): %s after step %s%n",
        record.runId(),
        record.attempt(),
        record.branch(),
        record.status(),
        record.step());
    silverGate.ifPresent(g -> out.println("  " + g.summary()));
    goldGate.ifPresent(g -> out.println("  " + g.summary()));
    publish.ifPresent(
        p -> {
          out.println(
              "  publish: " + p.outcome().name().toLowerCase(Locale.ROOT) + ", " + p.detail());
          p.conflicts().forEach(c -> out.println("    " + c));
        });
    if (record.message() != null) {
      out.println("  " + record.message());
    }
    for (GateReport gate :
        List.of(silverGate, goldGate).stream().flatMap(Optional::stream).toList()) {
      gate.heldOrgs()
          .forEach(
              (org, failures) ->
                  out.printf(
                      Locale.ROOT,
                      "  held by the %s gate: %s: %s%n",
                      gate.layer(),
                      org,
                      OrgHolds.reason(failures)));
    }
  }
}

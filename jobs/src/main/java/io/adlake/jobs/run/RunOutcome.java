package io.adlake.jobs.run;

import io.adlake.jobs.LayerReport;
import io.adlake.jobs.ingest.IngestReport;
import io.adlake.jobs.publish.PublishResult;
import io.adlake.quality.GateReport;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Everything a pipeline run did, for the command's report and for tests. Gates and publish are empty when the run did not reach them. */
public record RunOutcome(
    RunRecord record, IngestReport ingest, List<LayerReport> layers, Optional<GateReport> silverGate, Optional<GateReport> goldGate, Optional<PublishResult> publish) {

  public RunOutcome {
    layers = List.copyOf(layers);
  }

  public RunStatus status() {
    return RunStatus.valueOf(record.status().toUpperCase(Locale.ROOT));
  }

  public void print(PrintStream out) {
    layers.forEach(l -> l.print(out));
    out.printf(Locale.ROOT, "%nRun %s (attempt %d, branch %s): %s%n", record.runId(), record.attempt(), record.branch(), record.status());
    silverGate.ifPresent(g -> out.println("  " + g.summary()));
    goldGate.ifPresent(g -> out.println("  " + g.summary()));
    publish.ifPresent(p -> {
      out.println("  publish: " + p.outcome().name().toLowerCase(Locale.ROOT) + ", " + p.detail());
      p.conflicts().forEach(c -> out.println("    " + c));
    });
    if (record.message() != null) {
      out.println("  " + record.message());
    }
  }
}

package io.adlake.jobs.cli;

import io.adlake.catalog.Lakehouse;
import io.adlake.model.Tables;
import io.adlake.quality.ConstraintOutcome;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "quality",
    description =
        "Quality gate results (ops.quality_results): what each run's gates checked and found.",
    subcommands = {QualityCommand.Report.class},
    footer = ExitCodes.DESCRIPTION,
    mixinStandardHelpOptions = true)
final class QualityCommand {

  @Command(
      name = "report",
      description = {
        "Print one run's gate results as a table: failed error-level checks first, then warnings, passes and",
        "skipped checks (no rows, not enough history), then the orgs the run held and why. Without --run, the",
        "newest run. Exits with 7 when a table-wide check failed, 12 when only some orgs were held.",
        "",
        "Examples:",
        "  adlake quality report --run run-2026-11-08-1a2b3c4d5e",
        "  adlake quality report --failures"
      },
      footer = ExitCodes.DESCRIPTION,
      mixinStandardHelpOptions = true)
  static final class Report implements Callable<Integer> {

    @Mixin CommonOptions common;

    @Option(
        names = "--run",
        paramLabel = "RUN_ID",
        description = "The run id, as adlake run prints it and ops.job_runs holds it.")
    String runId;

    @Option(names = "--failures", description = "Only failed checks.")
    boolean failuresOnly;

    @Override
    public Integer call() {
      try (CommandContext context = new CommandContext(common, "adlake-quality")) {
        Lakehouse lakehouse = context.lakehouse();
        if (!lakehouse.exists(Tables.QUALITY_RESULTS)) {
          throw new InputException(
              "no gate has run yet: " + Tables.QUALITY_RESULTS.path() + " does not exist");
        }
        RunGateResults results =
            QualityReportReader.read(
                lakehouse, runId != null ? runId : QualityReportReader.newestRun(lakehouse));
        if (results.checks().isEmpty()) {
          throw new InputException("no gate results for run '" + results.runId() + "'");
        }
        print(common.out(), results, failuresOnly);
        return exitCode(results);
      }
    }

    /** 7 when a table-wide check failed (nothing was published), else 12 when the run held orgs. */
    static int exitCode(RunGateResults results) {
      return results.blocksPublish()
          ? ExitCodes.GATE_FAILED
          : results.held().isEmpty() ? ExitCodes.OK : ExitCodes.ORGS_HELD;
    }

    /**
     * The checks, failed error-level ones first, with how many failed; then the orgs the run held.
     */
    static void print(PrintWriter out, RunGateResults results, boolean failuresOnly) {
      printChecks(out, results, failuresOnly);
      printHolds(out, results.held());
    }

    private static void printChecks(PrintWriter out, RunGateResults results, boolean failuresOnly) {
      out.printf(Locale.ROOT, "Gate results of %s%n", results.runId());
      String format = "%-7s %-8s %-7s %-26s %-14s %-34s %-48s %10s  %s%n";
      out.printf(
          Locale.ROOT,
          format,
          "layer",
          "status",
          "level",
          "table",
          "org",
          "check",
          "constraint",
          "metric",
          "message");
      for (GateCheck check : results.checks()) {
        ConstraintOutcome o = check.outcome();
        if (failuresOnly && !o.failed()) {
          continue;
        }
        out.printf(
            Locale.ROOT,
            format,
            check.layer(),
            o.status(),
            o.level(),
            o.table(),
            o.orgId(),
            cut(o.check(), 34),
            cut(o.constraint(), 48),
            o.metricValue() == null ? "" : String.format(Locale.ROOT, "%.4g", o.metricValue()),
            cut(o.message(), 100));
      }
      out.printf(
          Locale.ROOT, "%d constraint(s), %d failed%n", results.checks().size(), results.failed());
    }

    /** The orgs the run held, each with why and whether a later run has published it since. */
    private static void printHolds(PrintWriter out, List<HeldOrg> held) {
      if (held.isEmpty()) {
        return;
      }
      out.printf(
          Locale.ROOT,
          "%nHeld orgs (none of their rows from this run were published; main keeps their last published rows):%n");
      for (HeldOrg h : held) {
        out.printf(
            Locale.ROOT,
            "  %-20s %-6s gate, deliveries %s to %s: %s%n    %s%n",
            h.orgId(),
            h.layer(),
            h.firstDate(),
            h.lastDate(),
            h.stillHeld()
                ? "still held (its next run retries these deliveries)"
                : "published since by " + h.releasedBy(),
            h.reason());
      }
    }

    private static String cut(String text, int width) {
      return text == null
          ? ""
          : text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }
  }
}

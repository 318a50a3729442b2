package io.adlake.jobs.cli;

import static org.apache.spark.sql.functions.col;

import io.adlake.catalog.Lakehouse;
import io.adlake.model.Tables;
import io.adlake.quality.ConstraintOutcome;
import io.adlake.quality.GateRecords;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "quality",
    description = "Quality gate results (ops.quality_results): what each run's gates checked and found.",
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

    @Option(names = "--run", paramLabel = "RUN_ID", description = "The run id, as adlake run prints it and ops.job_runs holds it.")
    String runId;

    @Option(names = "--failures", description = "Only failed checks.")
    boolean failuresOnly;

    @Override
    public Integer call() {
      try (CommandContext context = new CommandContext(common, "adlake-quality")) {
        Lakehouse lakehouse = context.lakehouse();
        if (!lakehouse.exists(Tables.QUALITY_RESULTS)) {
          throw new InputException("no gate has run yet: " + Tables.QUALITY_RESULTS.path() + " does not exist");
        }
        String run = runId != null ? runId : newestRun(lakehouse);
        List<Row> rows = GateRecords.ofRun(lakehouse, run).collectAsList();
        if (rows.isEmpty()) {
          throw new InputException("no gate results for run '" + run + "'");
        }
        print(run, rows);
        List<Row> held = printHolds(lakehouse, run);
        boolean tableWide =
            rows.stream().anyMatch(r -> r.getAs("status").equals("failure") && r.getAs("level").equals("error") && r.getAs("org_id").equals(ConstraintOutcome.ALL_ORGS));
        return tableWide ? ExitCodes.GATE_FAILED : held.isEmpty() ? ExitCodes.OK : ExitCodes.ORGS_HELD;
      }
    }

    private void print(String run, List<Row> rows) {
      System.out.printf(Locale.ROOT, "Gate results of %s%n", run);
      String format = "%-7s %-8s %-7s %-26s %-14s %-34s %-48s %10s  %s%n";
      System.out.printf(Locale.ROOT, format, "layer", "status", "level", "table", "org", "check", "constraint", "metric", "message");
      long failed = 0;
      for (Row r : rows) {
        String status = r.getAs("status");
        if (status.equals("failure")) {
          failed++;
        } else if (failuresOnly) {
          continue;
        }
        Double metric = r.getAs("metric_value");
        System.out.printf(
            Locale.ROOT, format, r.getAs("layer"), status, r.getAs("level"), r.getAs("table_name"), r.getAs("org_id"), cut(r.getAs("check_name"), 34),
            cut(r.getAs("constraint_name"), 48), metric == null ? "" : String.format(Locale.ROOT, "%.4g", metric), cut(r.getAs("message"), 100));
      }
      System.out.printf(Locale.ROOT, "%d constraint(s), %d failed%n", rows.size(), failed);
    }

    /** The orgs the run held, each with why and whether a later run has published it since. */
    private static List<Row> printHolds(Lakehouse lakehouse, String run) {
      if (!lakehouse.exists(Tables.ORG_HOLDS)) {
        return List.of();
      }
      List<Row> held = lakehouse.read(Tables.ORG_HOLDS).filter(col("run_id").equalTo(run)).orderBy("org_id").collectAsList();
      if (held.isEmpty()) {
        return held;
      }
      System.out.printf(Locale.ROOT, "%nHeld orgs (none of their rows from this run were published; main keeps their last published rows):%n");
      for (Row h : held) {
        String released = h.getAs("released_by");
        System.out.printf(
            Locale.ROOT, "  %-20s %-6s gate, deliveries %s to %s: %s%n    %s%n", h.getAs("org_id"), h.getAs("layer"), h.getAs("first_date"), h.getAs("last_date"),
            released == null ? "still held (its next run retries these deliveries)" : "published since by " + released, h.getAs("reason"));
      }
      return held;
    }

    private static String newestRun(Lakehouse lakehouse) {
      List<Row> newest = lakehouse.read(Tables.QUALITY_RESULTS).orderBy(org.apache.spark.sql.functions.desc("recorded_at")).select("run_id").limit(1).collectAsList();
      return newest.get(0).getString(0);
    }

    private static String cut(String text, int width) {
      return text == null ? "" : text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }
  }
}

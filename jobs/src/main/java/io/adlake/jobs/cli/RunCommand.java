package io.adlake.jobs.cli;

import io.adlake.jobs.ingest.IngestReport;
import io.adlake.jobs.run.PipelineRun;
import io.adlake.jobs.run.RunOutcome;
import io.adlake.jobs.run.RunRequest;
import io.adlake.jobs.run.RunStep;
import io.adlake.jobs.run.StepOrderException;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "run",
    description = {
      "Run the pipeline for a delivery date, write-audit-publish: what Airflow runs every day.",
      "",
      "  1. ingest the landing zone's deliveries of the date(s) into bronze (directly: bronze is as delivered);",
      "  2. build silver on the run's branch, where readers of main cannot see it;",
      "  3. silver gate: grain uniqueness and the checks of conf/quality.yaml (Deequ), anomaly checks per org;",
      "  4. build gold on the branch (as-of date: the day before the last delivery), gold gate;",
      "  5. publish: every silver and gold table the run wrote becomes visible on main, or none does.",
      "",
      "The embedded catalog gives each table an Iceberg branch and fast-forwards main to it; Nessie uses one",
      "branch per run and one merge. A table-wide check failing at error level publishes nothing, keeps the branch,",
      "records why in ops.quality_results and ops.job_runs, and exits with 7. If a table the run wrote changed on main",
      "during the run, nothing is published; `adlake run` then begins a new attempt on the new main (at most",
      "--main-moved-retries times), a single --step exits with 8: run the date again.",
      "",
      "Each org's fate is its own: when the rows of one org fail an error-level check (a negative cost in its",
      "export), that org is held: none of its slices from this run reach main, in any table, and main keeps its",
      "last published rows for it, while every other org publishes in the same atomic publish. Holds are kept",
      "in ops.org_holds (with the table, check and values that failed) and the exit code is 12. The held org's",
      "deliveries are read again by its next run, which publishes it once its export is fixed. Only a check no",
      "org can answer for (a table-wide one) stops the whole run.",
      "",
      "--org ORG (repeatable) runs the pipeline for those orgs only; every other org's rows stay as they are.",
      "A one-org backfill and the daily run may overlap: the one that publishes second finds main moved and",
      "redoes its attempt on top of the other's publish, so both end published.",
      "",
      "The run id comes from the dates, what bronze holds and the configuration: running a date again with the",
      "same inputs finds the earlier published run and does nothing (--force rebuilds and publishes again, with",
      "identical results). A restated export or a changed threshold makes a new run.",
      "",
      "--step runs one step of 2 to 5 in this process, as the Airflow DAG does (ingest is its own command there):",
      "silver begins an attempt, the others continue the newest attempt of the same dates, read from",
      "ops.job_runs. A step the attempt has done already does nothing, so retrying a task is safe; a step asked",
      "for too early exits with 4. Once an attempt has ended (gate failed, main moved), only silver begins anew.",
      "",
      "Examples:",
      "  adlake run --date 2026-11-08",
      "  adlake run --date 2026-11-08 --step gold-gate     # one step, as an Airflow task",
      "  adlake run --from 2026-11-01 --to 2026-11-08      # a backfill in one run",
      "  adlake run --from 2026-01-01 --to 2026-11-08 --org nova-retail   # onboard one org's history",
      "  adlake quality report --run run-2026-11-08-1a2b3c4d5e"
    },
    footer = ExitCodes.DESCRIPTION,
    mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Mixin OrgScopeOptions scope;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description = "Delivery date (the Airflow logical date).")
  LocalDate date;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM-DD",
      description = "First delivery date of a range (with --to).")
  LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last delivery date of a range.")
  LocalDate to;

  @Option(
      names = "--as-of",
      paramLabel = "YYYY-MM-DD",
      description = "Gold's as-of date (default: the day before the last delivery).")
  LocalDate asOf;

  @Option(
      names = "--rebuild-days",
      defaultValue = "7",
      description = "Report days before the as-of date gold rebuilds (default ${DEFAULT-VALUE}).")
  int rebuildDays;

  @Option(names = "--force", description = "Run even if the same run was published already.")
  boolean force;

  @Option(
      names = "--main-moved-retries",
      defaultValue = "2",
      paramLabel = "N",
      description = {
        "Without --step: when another run published a table this run wrote first (main moved), begin a new",
        "attempt on the new main, at most N times (default ${DEFAULT-VALUE}); then exit 8."
      })
  int mainMovedRetries;

  @Option(
      names = "--step",
      paramLabel = "STEP",
      description =
          "Run one step only: silver, silver-gate, gold, gold-gate or publish (no ingest).")
  String step;

  @Override
  public Integer call() {
    if ((date == null) == (from == null && to == null)
        || (date == null && (from == null || to == null))) {
      throw common.usageError("give either --date, or --from and --to");
    }
    LocalDate first = date != null ? date : from;
    LocalDate last = date != null ? date : to;
    if (mainMovedRetries < 0 || mainMovedRetries > 10) {
      throw common.usageError(
          "--main-moved-retries must be between 0 and 10, was " + mainMovedRetries);
    }
    RunStep only = step == null ? null : common.parse(() -> RunStep.of(step));
    try (CommandContext context =
        new CommandContext(common, "adlake-run" + (only == null ? "" : "-" + only.id()))) {
      RunRequest request =
          common.parse(
              () ->
                  new RunRequest(
                      first,
                      last,
                      asOf != null ? asOf : last.minusDays(1),
                      rebuildDays,
                      force,
                      scope.resolve(context.orgs())));
      PipelineRun pipeline = context.pipeline();
      RunOutcome outcome;
      try {
        outcome =
            only == null ? pipeline.run(request, mainMovedRetries) : pipeline.step(request, only);
      } catch (StepOrderException early) {
        throw new InputException(early.getMessage());
      }
      outcome.ingest().ifPresent(i -> i.print(System.out));
      outcome.print(System.out);
      return exitCode(outcome);
    }
  }

  static int exitCode(RunOutcome outcome) {
    boolean reconciles = outcome.ingest().map(IngestReport::reconciles).orElse(true);
    return switch (outcome.status()) {
      case SILVER_BUILT, SILVER_PASSED, GOLD_BUILT, GOLD_PASSED, PUBLISHED, ALREADY_PUBLISHED ->
          !reconciles
              ? ExitCodes.RECONCILIATION_FAILED
              : outcome.record().heldOrgs().isEmpty() ? ExitCodes.OK : ExitCodes.ORGS_HELD;
      case GATE_FAILED -> ExitCodes.GATE_FAILED;
      case MAIN_MOVED, PARTIALLY_PUBLISHED -> ExitCodes.PUBLISH_CONFLICT;
    };
  }
}

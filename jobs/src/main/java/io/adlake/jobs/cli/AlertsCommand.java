package io.adlake.jobs.cli;

import io.adlake.catalog.Lakehouse;
import io.adlake.jobs.alerts.AlertsJob;
import io.adlake.jobs.alerts.AlertsReport;
import io.adlake.model.Tables;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "alerts",
    description = {
      "Evaluate the alert rules of conf/alerts.yaml over the published gold marts and update ops.alerts.",
      "",
      "Each rule reads one mart (pacing, qa_findings, margin_daily, margin_monthly, org_daily_summary) on the",
      "as-of date, with a condition in a small language: the mart's allowed columns, numbers, 'strings',",
      "= != < <= > >=, + - * /, between, in (...), is [not] null, and, or, not. Nothing else is accepted, and",
      "no rule text ever reaches Spark's SQL parser.",
      "",
      "An alert is one rule finding one entity of one org; its id is the same every day, so an alert that stays",
      "true is updated (last seen), not raised again, and one whose rule no longer finds it is resolved. A rule",
      "outside its schedule (days, hours in the org's time zone) is not evaluated and its alerts stay as they are.",
      "",
      "Examples:",
      "  adlake alerts --date 2026-11-07",
      "  adlake alerts --latest",
      "  adlake alerts --date 2026-11-07 --at 2026-11-09T08:00:00Z     # as if evaluated then (schedules)",
      "  adlake alerts list --status open",
      "  adlake alerts ack 3f2a9c0d1e4b5a6c7d8e9f01"
    },
    subcommands = {AlertsCommand.ListAlerts.class, AlertsCommand.Acknowledge.class},
    footer = ExitCodes.DESCRIPTION,
    mixinStandardHelpOptions = true)
final class AlertsCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description = "The as-of date of the gold rows the rules read.")
  LocalDate date;

  @Option(
      names = "--latest",
      description =
          "Instead of --date: the newest as-of date published in gold.pacing (what Airflow runs after a publish).")
  boolean latest;

  @Option(
      names = "--at",
      paramLabel = "INSTANT",
      description =
          "When the evaluation counts as happening, for schedules (default: now), e.g. 2026-11-09T08:00:00Z.")
  Instant at;

  @Override
  public Integer call() {
    if ((date == null) == !latest) {
      throw common.usageError("give either --date or --latest");
    }
    try (CommandContext context = new CommandContext(common, "adlake-alerts")) {
      AlertsJob job = context.alertsJob();
      LocalDate asOf =
          date != null
              ? date
              : job.latestAsOf()
                  .orElseThrow(
                      () ->
                          new InputException(
                              "nothing published yet: gold.pacing is empty or missing"));
      AlertsReport report = job.run(asOf, at != null ? at : Instant.now());
      report.print(common.out());
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "list",
      description = "Print alerts from ops.alerts, newest first.",
      footer = ExitCodes.DESCRIPTION,
      mixinStandardHelpOptions = true)
  static final class ListAlerts implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--status", description = "open, acknowledged or resolved (default: all).")
    String status;

    @Option(names = "--org", description = "Only this org.")
    String org;

    @Override
    public Integer call() {
      try (CommandContext context = new CommandContext(common, "adlake-alerts")) {
        Lakehouse lakehouse = context.lakehouse();
        if (!lakehouse.exists(Tables.ALERTS)) {
          throw new InputException("no alerts yet: run 'adlake alerts --date D' first");
        }
        ListedAlert.GRID.print(
            common.out(), AlertsListing.read(lakehouse.read(Tables.ALERTS), status, org));
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "ack",
      description =
          "Acknowledge an open alert: it is not resolved, but someone owns it. It closes when its rule no longer finds it.",
      footer = ExitCodes.DESCRIPTION,
      mixinStandardHelpOptions = true)
  static final class Acknowledge implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Parameters(
        paramLabel = "ALERT_ID",
        description = "The alert's id, as 'adlake alerts list' shows it.")
    String alertId;

    @Option(
        names = "--on-behalf-of",
        paramLabel = "PERSON",
        description =
            "Acknowledge for this person; only the delegators in conf/writeback.yaml may. Without it the OS user you run as is recorded.")
    String onBehalfOf;

    @Override
    public Integer call() {
      try (CommandContext context = new CommandContext(common, "adlake-alerts")) {
        // Who owns an alert is who runs the command, as for write-back; a refusal exits 10.
        String by = context.whoActs().resolve(onBehalfOf).name();
        Row acked;
        try {
          acked = AlertsJob.acknowledge(context.lakehouse(), alertId, by, Instant.now());
        } catch (IllegalArgumentException e) {
          throw new InputException(e.getMessage());
        }
        common
            .out()
            .println(
                "alert "
                    + alertId
                    + " "
                    + acked.getAs("status")
                    + " by "
                    + acked.getAs("acknowledged_by"));
        return ExitCodes.OK;
      }
    }
  }
}

package io.adlake.jobs.cli;

import io.adlake.jobs.connectors.FetchJob;
import io.adlake.jobs.connectors.FetchOutcome;
import io.adlake.jobs.connectors.FetchReport;
import io.adlake.model.Source;
import io.adlake.model.config.ConnectorSettings;
import io.adlake.model.config.ConnectorSettingsLoader;
import io.adlake.model.org.OrgScope;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "fetch",
    description = {
      "Fetch one source's reports from the platform's API into the landing zone, for every org that fetches it.",
      "",
      "--date D is a delivery date, as for ingest and run: the fetch takes the last complete day (D-1) and the",
      "days before it that the platform still restates (restatement_days in conf/connectors.yaml, per source or",
      "per org: Meta 28), and lands each day whose report is new or changed as <org>/<source>/<D>/<source>-<day>.<ext>,",
      "exactly like an export put there by hand, so 'adlake ingest --date D' reads it unchanged and silver takes",
      "the restated days (the latest delivery of a day wins). A day the platform did not change is not landed",
      "again. --from/--to backfills report days, each landed in the folder of the day after it. A file is placed",
      "whole (a hidden name, then a rename; one PutObject on S3).",
      "",
      "Bookings and setup are snapshots of what the platform holds when asked: fetched with --date D only, and",
      "only while D is today (UTC, give or take a day), so a rerun of an old date does not land today's state",
      "under it (exit 4, nothing fetched). An empty snapshot where the last landed one has rows is refused.",
      "",
      "Flows: dv360 (Bid Manager API v2 query runs), ttd (MyReports executions of the org's schedule), meta",
      "(asynchronous Insights jobs, level=ad, time_increment=1), gam (Ad Manager ReportService report jobs,",
      "CSV_DUMP), bookings (Salesforce Bulk API 2.0 query job), setup (from each platform the org has an",
      "account with: DV360 SDF download task of its insertion orders and line items, TTD ad groups, Meta ad sets).",
      "Credentials come from the environment variables conf/connectors.yaml names (Google service-account keys,",
      "the TTD-Auth token, a Meta token, Salesforce JWT bearer credentials), never from files.",
      "",
      "One org's failure is its own: the others are fetched, and the exit code says what failed: 13 when",
      "credentials were refused or are not set (renew them; retrying cannot help), 14 when a report failed, never",
      "finished, was cut short or came back empty for a day that had delivery (retry).",
      "",
      "Examples:",
      "  adlake fetch --source meta --date 2026-11-03",
      "  adlake fetch --source dv360 --org acme-media --from 2026-10-01 --to 2026-10-31",
      "  adlake fetch --source setup --date $(date -u +%F)",
      "  ADLAKE_TTD_TOKEN=... adlake fetch --source ttd --date 2026-11-03 --landing s3://acme-landing/exports"
    },
    footer = ExitCodes.DESCRIPTION,
    mixinStandardHelpOptions = true)
final class FetchCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Mixin OrgScopeOptions scope;

  @Option(
      names = "--source",
      required = true,
      paramLabel = "SOURCE",
      description = "dv360, ttd, meta, gam, bookings or setup.")
  String source;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description = "Delivery date: report days D-1 and the source's restatement window before it.")
  LocalDate date;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM-DD",
      description = "First report day of a range (with --to): exactly these days, no window.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last report day of a range.")
  LocalDate to;

  @Option(
      names = "--landing",
      paramLabel = "URI",
      description = "Landing root (folder or s3://bucket/prefix). Default: the profile's landing.")
  String landing;

  @Override
  public Integer call() {
    if ((date == null) == (from == null || to == null) || (from == null) != (to == null)) {
      throw common.usageError("give --date, or --from with --to");
    }
    if (from != null && to.isBefore(from)) {
      throw common.usageError("--to " + to + " is before --from " + from);
    }
    Source wanted = common.parse(() -> Source.fromId(source));
    List<Source> fetchable = InstalledPlatforms.kits().fetchable();
    if (!fetchable.contains(wanted)) {
      throw common.usageError(
          "--source "
              + wanted.id()
              + ": adlake fetches "
              + fetchable.stream().map(Source::id).toList()
              + "; "
              + wanted.id()
              + " exports are landed by hand or by the platform's own delivery");
    }
    if (ConnectorSettings.SNAPSHOTS.contains(wanted)) {
      if (date == null) {
        throw common.usageError(
            "--source "
                + wanted.id()
                + " is a snapshot of what the platform holds now: fetch it with --date, not --from/--to");
      }
      LocalDate today = LocalDate.now(Clock.systemUTC());
      if (Math.abs(ChronoUnit.DAYS.between(today, date)) > 1) {
        throw new InputException(
            "--source "
                + wanted.id()
                + " is a snapshot of what the platform holds now ("
                + today
                + "): landing it as of "
                + date
                + " would date today's state wrongly; nothing was fetched");
      }
    }
    try (CommandContext context = new CommandContext(common, "adlake-fetch")) {
      String root = landing == null ? context.config.landing() : landing;
      FetchJob job =
          new FetchJob(
              ConnectorSettingsLoader.load(context.config.confDir(), context.orgs(), fetchable),
              context.orgs(),
              context.landing(root),
              root,
              context.platforms(),
              context.progress);
      OrgScope orgs = common.parse(() -> scope.resolve(context.orgs()));
      FetchReport report =
          date != null ? job.daily(wanted, orgs, date) : job.range(wanted, orgs, from, to);
      report.print(System.out);
      if (report.outcomes().isEmpty()) {
        System.out.println(
            "no org fetches "
                + wanted.id()
                + " (conf/connectors.yaml orgs, with the source enabled in the registry)");
        return ExitCodes.INPUT;
      }
      if (report.any(FetchOutcome.Failure.TRANSIENT)) {
        return ExitCodes.NOT_FETCHED;
      }
      if (report.any(FetchOutcome.Failure.CONFIGURATION)) {
        return ExitCodes.CONFIG;
      }
      if (report.any(FetchOutcome.Failure.REFUSED)) {
        return ExitCodes.REQUEST_REFUSED;
      }
      return report.any(FetchOutcome.Failure.CREDENTIALS)
          ? ExitCodes.CREDENTIALS_REFUSED
          : ExitCodes.OK;
    }
  }
}

package io.adlake.jobs.cli;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.landing.LandingStore;
import io.adlake.catalog.landing.SliceKey;
import io.adlake.jobs.ingest.IngestReport;
import io.adlake.jobs.ingest.SliceAction;
import io.adlake.jobs.run.PipelineRun;
import io.adlake.jobs.run.RunOutcome;
import io.adlake.jobs.run.RunRequest;
import io.adlake.jobs.sample.SampleExports;
import io.adlake.jobs.writeback.PlanReport;
import io.adlake.model.ConfigException;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import io.adlake.model.config.CatalogSettings;
import io.adlake.model.org.Org;
import io.adlake.model.org.OrgRegistry;
import io.adlake.quality.GateRecords;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "demo",
    description = {
      "Run the whole pipeline on sample data, on the embedded catalog, and print what it produced.",
      "",
      "  1. writes sample exports for every registered org (conf/orgs.yaml) into <data-dir>/landing;",
      "  2. runs the pipeline over all those delivery dates, as 'adlake run' does: ingest into bronze (broken",
      "     lines go to bronze.quarantine), silver and gold on the run's branch, a Deequ gate after each,",
      "     then publish to main;",
      "  3. delivers one DV360 report again with corrected numbers and runs that delivery date again: that",
      "     slice is restated, every other file is skipped as already ingested, gold is rebuilt, gated, published;",
      "  4. prints row counts, delivery per org, a pacing summary per org, margin and unbooked spend, the",
      "     DSP-vs-SSP reconciliation of deals per org and status, the top QA and taxonomy findings, the gate",
      "     results, the run ledger, and where the warehouse is;",
      "  5. evaluates the alert rules of conf/alerts.yaml and plans the write-back actions they propose:",
      "     a dry run, nothing is sent to any platform.",
      "",
      "The demo starts from an empty data folder each time. It only deletes a folder it created itself."
    },
    footer = ExitCodes.DESCRIPTION,
    mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {

  private static final String MARKER = ".adlake-demo";

  @Mixin CommonOptions common;

  @Mixin GenerateCommand.SampleOptions sample;

  @Override
  public Integer call() throws IOException {
    long started = System.nanoTime();
    try (CommandContext context = new CommandContext(common, "adlake-demo")) {
      if (!context.config.catalog().type().equals(CatalogSettings.JDBC)) {
        throw new ConfigException(
            "demo runs on the embedded (jdbc) catalog only; profile '"
                + context.config.profile()
                + "' uses "
                + context.config.catalog().type());
      }
      resetDataDir(context.config.dataDir());
      OrgRegistry orgs = context.orgs();
      if (orgs.orgs().isEmpty()) {
        throw new ConfigException(
            "no orgs in " + context.config.orgRegistryFile() + "; add one with 'adlake org add'");
      }
      SampleExports.Settings settings = common.parse(sample::settings);
      String root = context.config.landing();
      LandingStore store = context.landing(root);
      SampleExports exports = new SampleExports(orgs, store, root, settings);
      context.progress.step(
          "demo: writing sample exports for "
              + orgs.orgs().size()
              + " org(s), "
              + settings.days()
              + " day(s)");
      int files = exports.writeAll();
      context.progress.step("demo: wrote " + files + " file(s) under " + root);

      Lakehouse lakehouse = context.lakehouse();
      PipelineRun pipeline = context.pipeline();
      LocalDate lastDelivery = settings.start().plusDays(settings.days() - 1L);
      // Reports run a day behind their delivery: the last complete report day is the as-of date.
      LocalDate asOf = lastDelivery.minusDays(1);
      RunOutcome first =
          pipeline.run(
              new RunRequest(settings.start(), lastDelivery, asOf, settings.days() + 1, false));
      first.ingest().ifPresent(i -> i.print(System.out));
      first.print(System.out);

      Org firstOrg = orgs.orgs().get(0);
      LocalDate restatedDelivery = settings.start().plusDays(Math.min(2, settings.days() - 1));
      SliceKey restated = exports.restateDv360(firstOrg, restatedDelivery);
      context.progress.step(
          "demo: DV360 re-sent "
              + restated
              + " with corrected numbers; running that delivery date again");
      RunOutcome second =
          pipeline.run(
              new RunRequest(restatedDelivery, restatedDelivery, asOf, settings.days() + 1, false));
      IngestReport reingest = second.ingest().orElseThrow();
      System.out.printf(
          Locale.ROOT,
          "%nRe-ingest: %d file(s) skipped as already ingested, %d restated (%s), rows read %d = accepted %d + quarantined %d%n",
          reingest.count(SliceAction.SKIPPED_DUPLICATE),
          reingest.count(SliceAction.RESTATEMENT),
          restated,
          reingest.rowsRead(),
          reingest.rowsAccepted(),
          reingest.rowsQuarantined());
      second.print(System.out);

      printSummary(lakehouse);
      printGold(lakehouse, asOf);
      printGates(lakehouse, second.record().runId());
      Instant now = Instant.now();
      // The demo prints to System.out throughout, Dataset.show included; the reports print to a
      // writer on it.
      PrintWriter out = new PrintWriter(System.out, true);
      context.alertsJob().run(asOf, now).print(out);
      printWriteback(out, context.writebackPlanner().plan(context.whoActs().resolve(null), now));
      System.out.printf(
          Locale.ROOT,
          "%nDemo done in %.1f s. Warehouse: %s%nCatalog:   %s%nTry:       ./adlake tables%n"
              + "           ./adlake sql \"select org_id, platform, sum(impressions), sum(media_cost_rc) from silver.delivery_daily group by 1, 2 order by 1, 2\"%n",
          (System.nanoTime() - started) / 1e9,
          context.config.catalog().warehouse(),
          context.config.catalog().uri());
      int firstExit = RunCommand.exitCode(first);
      return firstExit != ExitCodes.OK ? firstExit : RunCommand.exitCode(second);
    }
  }

  private static void printWriteback(PrintWriter out, PlanReport plan) {
    plan.print(out);
    out.println(
        "\nDRY RUN: nothing was sent to any platform. Each action needs a person's approval, and execute sends nothing without --apply:"
            + "\n  ./adlake writeback approve ACTION_ID            # as another user than the one who planned, above the threshold"
            + "\n  ./adlake writeback execute                      # reads each entity, says what would change"
            + "\n  ./adlake writeback history"
            + "\nSend the alert digests with: ./adlake notify   (channels per org in conf/alerts.yaml; secrets from the environment)");
  }

  private static void printGates(Lakehouse lakehouse, String runId) {
    System.out.println(
        "\nQuality gates of " + runId + " (adlake quality report --run " + runId + "):");
    GateRecords.ofRun(lakehouse, runId)
        .groupBy("layer", "table_name", "level", "status")
        .count()
        .orderBy("layer", "table_name", "level", "status")
        .show(100, false);
    System.out.println("Runs, from ops.job_runs:");
    lakehouse
        .spark()
        .sql(
            "select run_id, attempt, step, first_date, last_date, as_of_date, status, rows_read, rows_quarantined, "
                + "round(duration_ms / 1000, 1) as seconds, case when step like '%gate' then coalesce(gold_gate, silver_gate) end as gate "
                + "from "
                + lakehouse.catalogName()
                + ".ops.job_runs order by finished_at")
        .show(20, false);
  }

  private static void printSummary(Lakehouse lakehouse) {
    System.out.println(
        "\nDelivery per org and platform, from gold.cross_platform_daily (amounts in the org's reporting currency):");
    lakehouse
        .spark()
        .sql(
            "select org_id, platform, reporting_currency as ccy, count(distinct campaign_id) as campaigns, "
                + "min(report_date) as first_day, max(report_date) as last_day, sum(impressions) as impressions, "
                + "sum(clicks) as clicks, cast(sum(media_cost) as decimal(18,2)) as media_cost, "
                + "cast(sum(revenue) as decimal(18,2)) as revenue, "
                + "cast(sum(total_media_cost) * 1000 / sum(impressions) as decimal(10,2)) as cpm, "
                + "sum(lines_without_fx) as no_fx "
                + "from "
                + lakehouse.catalogName()
                + ".gold.cross_platform_daily group by 1, 2, 3 order by 1, 2")
        .show(100, false);
    System.out.println("Quarantined rows by source and reason:");
    lakehouse
        .spark()
        .sql(
            "select source, substring(regexp_replace(reason, \": '[^']*'$\", \"\"), 1, 100) as reason, count(*) as rows "
                + "from "
                + lakehouse.catalogName()
                + ".bronze.quarantine group by 1, 2 order by 1, 3 desc")
        .show(50, false);
    System.out.println("Row counts:");
    for (TableSpec table : Tables.ALL) {
      System.out.printf(Locale.ROOT, "  %-36s %8d%n", table.path(), lakehouse.rowCount(table));
    }
  }

  private static void printGold(Lakehouse lakehouse, LocalDate asOf) {
    String c = lakehouse.catalogName();
    System.out.println(
        "\nPacing on "
            + asOf
            + " per org (booking lines and platform budget entities), from gold.pacing:");
    lakehouse
        .spark()
        .sql(
            "select org_id, entity_type, count(*) as entities, "
                + "count_if(status = 'on_track') as on_track, count_if(status = 'under') as under, "
                + "count_if(status = 'over') as over, count_if(ahead_by_design) as asap_ahead, "
                + "count_if(status = 'not_started') as not_started, count_if(status = 'ended') as ended, "
                + "count_if(status not in ('on_track', 'under', 'over', 'not_started', 'ended')) as other "
                + "from "
                + c
                + ".gold.pacing where as_of_date = date'"
                + asOf
                + "' group by 1, 2 order by 1, 2")
        .show(100, false);
    System.out.println(
        "Margin per org, from gold.margin_monthly (unbooked = delivery no booking line covers):");
    lakehouse
        .spark()
        .sql(
            "select org_id, reporting_currency as ccy, cast(sum(billable_revenue) as decimal(18,2)) as revenue, "
                + "cast(sum(total_media_cost) as decimal(18,2)) as total_media_cost, "
                + "cast(sum(gross_margin) as decimal(18,2)) as gross_margin, "
                + "cast(sum(gross_margin) / sum(billable_revenue) as decimal(6,3)) as margin_pct, "
                + "cast(sum(if(is_booked, 0, total_media_cost)) as decimal(18,2)) as unbooked_spend "
                + "from "
                + c
                + ".gold.margin_monthly group by 1, 2 order by 1")
        .show(100, false);
    System.out.println("Top QA findings on " + asOf + ", from gold.qa_findings:");
    lakehouse
        .spark()
        .sql(
            "select severity, check_id, count(*) as findings, count(distinct org_id) as orgs, "
                + "first(concat(entity_type, ' ', entity_id, ': ', message)) as example "
                + "from "
                + c
                + ".gold.qa_findings where as_of_date = date'"
                + asOf
                + "' group by 1, 2 "
                + "order by case severity when 'high' then 0 when 'medium' then 1 else 2 end, findings desc")
        .show(20, false);
    System.out.println(
        "DSP against SSP per org and status, from gold.revenue_reconciliation (deal days; spend and gross revenue in the reporting currency):");
    lakehouse
        .spark()
        .sql(
            "select org_id, coalesce(ssps, '-') as ssps, status, day_alignment as alignment, timezone_offset_hours as offset_h, "
                + "count(*) as deal_days, count(distinct deal_id) as deals, "
                + "cast(sum(dsp_spend) as decimal(18,2)) as dsp_spend, cast(sum(ssp_gross_revenue) as decimal(18,2)) as ssp_gross, "
                + "cast(sum(discrepancy) / sum(ssp_gross_revenue) as decimal(8,4)) as discrepancy_pct "
                + "from "
                + c
                + ".gold.revenue_reconciliation group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5")
        .show(50, false);
    System.out.println(
        "Top taxonomy findings, from gold.taxonomy_results (the original name is never changed):");
    lakehouse
        .spark()
        .sql(
            "select org_id, entity_type, entity_name, violation_count as problems, "
                + "violations[0].problem || ' ' || coalesce(violations[0].token, '') || ' ' || coalesce(violations[0].found, '') as first_problem, "
                + "suggested_name, suggestion_confidence as confidence "
                + "from "
                + c
                + ".gold.taxonomy_results where not is_valid "
                + "order by suggestion_confidence desc nulls last, org_id, entity_name limit 12")
        .show(12, false);
  }

  /**
   * Empties the data folder, but only one the demo made (it leaves a marker) or one that is empty.
   */
  private static void resetDataDir(Path dataDir) throws IOException {
    if (Files.exists(dataDir)) {
      boolean empty;
      try (Stream<Path> entries = Files.list(dataDir)) {
        empty = entries.findAny().isEmpty();
      }
      if (!empty && !Files.exists(dataDir.resolve(MARKER))) {
        throw new ConfigException(
            "data folder "
                + dataDir
                + " holds data the demo did not create; run the demo with --data-dir pointing elsewhere");
      }
      try (Stream<Path> walk = Files.walk(dataDir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dataDir);
    Files.writeString(
        dataDir.resolve(MARKER), "created by adlake demo; the demo may delete this folder\n");
  }
}

package io.adlake.jobs.cli;

import io.adlake.jobs.silver.DeliveryWindow;
import io.adlake.jobs.silver.SilverJob;
import io.adlake.model.org.OrgScope;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "silver",
    description = {
      "Build silver from the bronze deliveries of a date, for all orgs in one job.",
      "",
      "silver.delivery_daily unifies DV360, The Trade Desk and Meta at org x day x platform x advertiser x",
      "campaign x line x deal, converted into each org's reporting currency with that day's FX. Report days that a",
      "delivery restates are rebuilt from their latest delivery and replaced (MERGE), so rerunning a date is safe.",
      "silver.supply_daily does the same for the SSPs' reports: org x day x SSP x ad unit x deal x buyer, gross",
      "and net revenue in source and reporting currency, in the report's timezone.",
      "silver.bookings and silver.setup_entities take each org's snapshot of the date.",
      "",
      "A range is processed in one job, with the same result as running its dates in order (backfills).",
      "--org processes only the named orgs' deliveries; every other org's rows stay as they are.",
      "",
      "Examples:",
      "  adlake silver --date 2026-11-03",
      "  adlake silver --from 2026-11-01 --to 2026-11-07",
      "  adlake silver --from 2026-01-01 --to 2026-11-07 --org nova-retail"
    },
    footer = ExitCodes.DESCRIPTION,
    mixinStandardHelpOptions = true)
final class SilverCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Mixin OrgScopeOptions scope;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Delivery date to process.")
  LocalDate date;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM-DD",
      description = "First delivery date of a range.")
  LocalDate from;

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM-DD",
      description = "Last delivery date of a range (inclusive).")
  LocalDate to;

  @Override
  public Integer call() {
    LocalDate first = date != null ? date : from;
    LocalDate last = date != null ? date : to;
    if (first == null
        || last == null
        || last.isBefore(first)
        || (date != null && (from != null || to != null))) {
      throw common.usageError("give --date, or --from and --to with --to not before --from");
    }
    try (CommandContext context = new CommandContext(common, "adlake-silver")) {
      SilverJob job = context.silverJob();
      OrgScope orgs = common.parse(() -> scope.resolve(context.orgs()));
      job.run(new DeliveryWindow(first, last, orgs, Map.of())).print(System.out);
      return ExitCodes.OK;
    }
  }
}

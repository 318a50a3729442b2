package io.adlake.jobs.cli;

import io.adlake.jobs.gold.GoldJob;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "gold",
    description = {
      "Build the gold marts from silver for a date, for all orgs in one job.",
      "",
      "gold.cross_platform_daily  org x day x platform x advertiser x campaign, reporting currency, CTR/CPM/CPC/CPA",
      "gold.org_daily_summary     org x day totals across platforms",
      "",
      "Report days from --date minus --rebuild-days to --date are rebuilt and replaced, so restated days reach gold.",
      "",
      "Example:",
      "  adlake gold --date 2026-11-08"
    },
    footer = ExitCodes.DESCRIPTION,
    mixinStandardHelpOptions = true)
final class GoldCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The run's date.")
  LocalDate date;

  @Option(
      names = "--rebuild-days",
      defaultValue = "7",
      description = "Report days before --date that platforms may still restate (default ${DEFAULT-VALUE}).")
  int rebuildDays;

  @Override
  public Integer call() {
    if (rebuildDays < 0 || rebuildDays > 400) {
      throw common.usageError("--rebuild-days must be between 0 and 400, was " + rebuildDays);
    }
    try (CommandContext context = new CommandContext(common, "adlake-gold")) {
      new GoldJob(context.lakehouse(), context.progress).run(date, rebuildDays).print(System.out);
      return ExitCodes.OK;
    }
  }
}

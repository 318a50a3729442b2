package io.adlake.jobs.cli;

import io.adlake.model.org.Org;
import io.adlake.model.org.OrgId;
import io.adlake.model.org.OrgRegistry;
import io.adlake.model.org.OrgScope;
import io.adlake.transforms.gold.AsOfDate;
import io.adlake.transforms.gold.qa.QaCheck;
import io.adlake.transforms.gold.qa.QaLibrary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "gold",
    description = {
      "Build every gold mart from silver, for all orgs in one job.",
      "",
      "gold.cross_platform_daily  org x day x platform x advertiser x campaign, reporting currency, CTR/CPM/CPC/CPA",
      "gold.org_daily_summary     org x day totals across platforms",
      "gold.buy_sell_daily        org x day x side (buy, sell) x platform x deal: DSP media cost, SSP gross and net",
      "                           revenue, reporting currency",
      "gold.revenue_reconciliation org x day x deal, for orgs with an SSP source: DSP spend against SSP gross",
      "                           revenue, discrepancy, status, day alignment (tolerance per org in conf/marts.yaml)",
      "gold.pacing                org x as-of date x booking line or platform budget entity: spend against even",
      "                           pacing, run-rate projection, status (thresholds per org in conf/marts.yaml)",
      "gold.margin_daily          org x day x booking line: billable revenue (CPM, CPC, flat fee) against cost;",
      "                           delivery no booking covers appears as unbooked:<platform>:<campaign>",
      "gold.margin_monthly        the same per calendar month",
      "gold.qa_findings           org x as-of date x entity x failed check (checks per org in conf/marts.yaml)",
      "gold.taxonomy_results      org x entity x convention version: violations and a suggested name",
      "",
      "Report days from the as-of date minus --rebuild-days to the as-of date are rebuilt and replaced, so",
      "restated days reach gold. Without --date each org's as-of date is its last complete day in its own",
      "timezone. --org builds only the named orgs; every other org's rows stay as they are.",
      "",
      "Examples:",
      "  adlake gold --date 2026-11-08",
      "  adlake gold                      # yesterday, per org timezone",
      "  adlake sql \"select status, count(*) from gold.pacing group by 1\""
    },
    footer = ExitCodes.DESCRIPTION,
    mixinStandardHelpOptions = true)
final class GoldCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Mixin OrgScopeOptions scope;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description = "The as-of date of every org (default: each org's last complete day).")
  LocalDate date;

  @Option(
      names = "--rebuild-days",
      defaultValue = "7",
      description =
          "Report days before the as-of date that platforms may still restate (default ${DEFAULT-VALUE}).")
  int rebuildDays;

  @Override
  public Integer call() {
    if (rebuildDays < 0 || rebuildDays > 400) {
      throw common.usageError("--rebuild-days must be between 0 and 400, was " + rebuildDays);
    }
    try (CommandContext context = new CommandContext(common, "adlake-gold")) {
      OrgRegistry registry = context.orgs();
      OrgScope only = common.parse(() -> scope.resolve(registry));
      Map<OrgId, LocalDate> asOf = new LinkedHashMap<>();
      Instant now = Instant.now();
      for (Org org : registry.orgs()) {
        if (!only.includes(org.id())) {
          continue;
        }
        asOf.put(org.id(), date != null ? date : AsOfDate.lastCompleteDay(now, org.timezone()));
      }
      if (asOf.isEmpty()) {
        throw common.usageError("no orgs in the registry; add one with 'adlake org add'");
      }
      context.goldJob().run(asOf, rebuildDays).print(System.out);
      return ExitCodes.OK;
    }
  }

  /** The help lists the QA checks from the library itself, so it never drifts from the code. */
  static void listChecks(CommandLine gold) {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("QA checks (enable, severity and params per org in conf/marts.yaml):");
    for (QaCheck check : QaLibrary.CHECKS) {
      StringBuilder head =
          new StringBuilder("  ").append(check.id()).append(" (").append(check.defaultSeverity());
      new TreeMap<>(check.parameters())
          .forEach(
              (name, value) ->
                  head.append("; ").append(name).append(' ').append(value.toPlainString()));
      lines.add(head.append(')').toString());
      lines.add("      " + check.description());
    }
    lines.add("");
    lines.add(ExitCodes.DESCRIPTION);
    gold.getCommandSpec().usageMessage().footer(lines.toArray(String[]::new));
  }
}

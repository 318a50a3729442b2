package io.adlake.jobs.cli;

import io.adlake.model.Source;
import io.adlake.model.config.ConfigLoader;
import io.adlake.model.org.Org;
import io.adlake.model.org.OrgId;
import io.adlake.model.org.OrgRegistry;
import io.adlake.model.org.SourceOptions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "org",
    description = "Manage the org registry (conf/orgs.yaml).",
    subcommands = {OrgCommand.ListOrgs.class, OrgCommand.AddOrg.class},
    footer = ExitCodes.DESCRIPTION,
    mixinStandardHelpOptions = true)
final class OrgCommand {

  static Path registryFile(CommonOptions common) {
    ConfigLoader loader = ConfigLoader.fromSystemEnvironment();
    return loader.confDir(common.confDir).resolve(OrgRegistry.FILE);
  }

  @Command(
      name = "list",
      description = {
        "List registered orgs, a page at a time (sorted by id), with the count of all that match.",
        "",
        "Examples:",
        "  adlake org list",
        "  adlake org list --page 3 --page-size 100",
        "  adlake org list --match retail"
      },
      footer = ExitCodes.DESCRIPTION,
      mixinStandardHelpOptions = true)
  static final class ListOrgs implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(
        names = "--page",
        defaultValue = "1",
        description = "Which page, from 1 (default ${DEFAULT-VALUE}).")
    int page;

    @Option(
        names = "--page-size",
        defaultValue = "50",
        description = "Orgs per page, 1 to 1000 (default ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(
        names = "--match",
        paramLabel = "TEXT",
        description = "Only orgs whose id or name contains this (any case).")
    String match;

    @Override
    public Integer call() {
      if (page < 1 || pageSize < 1 || pageSize > 1000) {
        throw common.usageError("--page must be at least 1 and --page-size between 1 and 1000");
      }
      OrgRegistry registry = OrgRegistry.load(registryFile(common));
      String needle = match == null ? null : match.toLowerCase(Locale.ROOT);
      List<Org> matching =
          registry.orgs().stream()
              .filter(
                  o ->
                      needle == null
                          || o.id().value().contains(needle)
                          || o.name().toLowerCase(Locale.ROOT).contains(needle))
              .sorted(Comparator.comparing(Org::id))
              .toList();
      int pages = Math.max(1, (matching.size() + pageSize - 1) / pageSize);
      System.out.printf(
          Locale.ROOT, "%-20s %-28s %-4s %-20s %s%n", "id", "name", "ccy", "timezone", "sources");
      for (Org org :
          matching.subList(
              Math.min(matching.size(), (page - 1) * pageSize),
              Math.min(matching.size(), page * pageSize))) {
        System.out.printf(
            Locale.ROOT,
            "%-20s %-28s %-4s %-20s %s%n",
            org.id(),
            org.name(),
            org.reportingCurrency(),
            org.timezone(),
            String.join(",", org.sources().keySet()));
      }
      System.out.printf(
          Locale.ROOT,
          "page %d of %d, %d org(s)%s%n",
          page,
          pages,
          matching.size(),
          needle == null ? "" : " matching '" + match + "'");
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "add",
      description = {
        "Register an org. Every field is validated: the id against a strict pattern (it becomes part of paths),",
        "the currency against ISO 4217, the timezone against the IANA database, sources against known ones.",
        "",
        "Example:",
        "  adlake org add --id nordic-retail --name \"Nordic Retail\" --currency SEK --timezone Europe/Stockholm \\",
        "    --source dv360 --source ttd --source-option ttd.date_format=dd.MM.yyyy --source-option ttd.decimal_separator=,",
        "",
        "A publisher selling through Ad Manager says where its network's days end and what its bare micros are in:",
        "  adlake org add --id harbor-news --name \"Harbor News\" --currency USD --timezone America/New_York \\",
        "    --source dv360 --source gam --source fx \\",
        "    --source-option gam.timezone=America/New_York --source-option gam.currency=USD"
      },
      footer = ExitCodes.DESCRIPTION,
      mixinStandardHelpOptions = true)
  static final class AddOrg implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(
        names = "--id",
        required = true,
        description = "Org id: 3-32 of a-z, 0-9 and inner hyphens, starting with a letter.")
    String id;

    @Option(names = "--name", required = true, description = "Display name.")
    String name;

    @Option(
        names = "--currency",
        required = true,
        description = "Reporting currency (ISO 4217), e.g. EUR.")
    String currency;

    @Option(
        names = "--timezone",
        required = true,
        description = "IANA timezone, e.g. Europe/Berlin.")
    String timezone;

    @Option(
        names = "--source",
        description =
            "Enabled source (repeatable): dv360, ttd, meta, gam, monetize, bookings, setup, fx. Default: every buy-side and reference source (the SSPs gam and monetize only when named).")
    List<String> sources;

    @Option(
        names = "--source-option",
        paramLabel = "SOURCE.KEY=VALUE",
        description =
            "Export settings: date_format, decimal_separator, timezone, currency; e.g. ttd.date_format=dd/MM/yyyy, ttd.decimal_separator=, meta.timezone=America/New_York, gam.currency=EUR.")
    Map<String, String> sourceOptions = new LinkedHashMap<>();

    @Override
    public Integer call() {
      Path file = registryFile(common);
      Org org = common.parse(this::org);
      OrgRegistry.load(file).with(org).save(file);
      System.out.println("added org " + org.id() + " to " + file);
      return ExitCodes.OK;
    }

    private Org org() {
      Map<String, SourceOptions> enabled = new LinkedHashMap<>();
      List<String> ids =
          sources == null || sources.isEmpty()
              ? Arrays.stream(Source.values())
                  .filter(x -> x.ssp().isEmpty())
                  .map(Source::id)
                  .toList()
              : sources;
      for (String s : ids) {
        String sourceId = Source.fromId(s).id();
        enabled.put(sourceId, options(sourceId));
      }
      for (String key : sourceOptions.keySet()) {
        String sourceId = key.split("\\.", 2)[0];
        if (!enabled.containsKey(sourceId)) {
          throw new IllegalArgumentException(
              "--source-option " + key + ": source '" + sourceId + "' is not enabled");
        }
      }
      return new Org(OrgId.of(id), name, currency, timezone, enabled);
    }

    private SourceOptions options(String sourceId) {
      Map<String, String> mine = new LinkedHashMap<>();
      sourceOptions.forEach(
          (k, v) -> {
            String[] parts = k.split("\\.", 2);
            if (parts.length != 2) {
              throw new IllegalArgumentException(
                  "--source-option must be SOURCE.KEY=VALUE, was '" + k + "'");
            }
            if (parts[0].equals(sourceId)) {
              mine.put(parts[1], v);
            }
          });
      for (String key : mine.keySet()) {
        if (!List.of("date_format", "decimal_separator", "timezone", "currency").contains(key)) {
          throw new IllegalArgumentException(
              "unknown source option '"
                  + key
                  + "'; known: date_format, decimal_separator, timezone, currency");
        }
      }
      return new SourceOptions(
          mine.get("date_format"),
          mine.get("decimal_separator"),
          mine.get("timezone"),
          null,
          mine.get("currency"));
    }
  }
}

package io.adlake.jobs.cli;

import io.adlake.jobs.connectors.VersionCalendar;
import io.adlake.model.Source;
import io.adlake.model.config.ConnectorSettings;
import io.adlake.model.config.ConnectorSettingsLoader;
import io.adlake.model.config.WritebackSettings;
import io.adlake.platforms.kit.PlatformKits;
import io.adlake.platforms.versions.PinnedVersion;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "doctor",
    description = {
      "Check what adlake's calls to the platforms rely on, without calling them (and without Spark):",
      "",
      "  versions     every API and file-format version in use (the base URLs of conf/connectors.yaml and",
      "               conf/writeback.yaml, and the versions adlake's code pins, such as the SDF version),",
      "               with the day the platform switches it off, the days left and the source of that date;",
      "  credentials  per org, each environment variable its fetches and write-back read: set or not set",
      "               (a value is never shown).",
      "",
      "A fetch refuses a version past its sunset, or one adlake does not know, before calling (exit 15), and",
      "warns from "
          + PinnedVersion.WARNING_DAYS
          + " days before. doctor says the same ahead of time.",
      "",
      "Examples:",
      "  adlake doctor",
      "  adlake doctor --conf-dir /etc/adlake"
    },
    footer = {
      "%nExit codes of doctor: 0 everything is callable (versions ending soon are warned about),",
      "15 a version is past its sunset or unknown, 13 an org's credentials are not set, 3 conf/ is invalid."
    },
    mixinStandardHelpOptions = true)
final class DoctorCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  /** The environment: where credentials are. */
  UnaryOperator<String> env = System::getenv;

  /** Today, for sunsets. */
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    try (CommandContext context = new CommandContext(common, "adlake-doctor")) {
      PlatformKits kits = InstalledPlatforms.kits();
      ConnectorSettings connectors =
          ConnectorSettingsLoader.load(context.config.confDir(), context.orgs(), kits.fetchable());
      Optional<WritebackSettings> writeback = Optional.of(context.writebackSettings());
      LocalDate today = LocalDate.now(clock);
      VersionCalendar calendar = VersionCalendar.of(kits, connectors, writeback);
      PrintWriter out = common.out();
      out.printf(Locale.ROOT, "Versions in use, as of %s:%n", today);
      out.printf(
          Locale.ROOT,
          "  %-10s %-26s %-18s %-15s %9s  %-8s %s%n",
          "platform",
          "api",
          "version",
          "sunset",
          "days left",
          "status",
          "set in / source");
      for (VersionCalendar.Row row : calendar.rows()) {
        PinnedVersion v = row.version();
        out.printf(
            Locale.ROOT,
            "  %-10s %-26s %-18s %-15s %9s  %-8s %s%n",
            row.platform(),
            v.api(),
            v.version(),
            v.sunset().map(LocalDate::toString).orElse(v.known() ? "none announced" : "?"),
            v.daysLeft(today).map(String::valueOf).orElse("-"),
            v.status(today).name().toLowerCase(Locale.ROOT),
            v.setting() + " / " + v.source());
      }
      List<String> notices =
          calendar.rows().stream()
              .flatMap(r -> r.version().notice(today).map(n -> r.platform() + ": " + n).stream())
              .toList();
      notices.forEach(n -> out.println("  ! " + n));

      Map<String, Map<String, String>> credentials =
          credentials(
              context.orgs().orgs().stream().map(o -> o.id().value()).toList(),
              connectors,
              writeback);
      out.printf(Locale.ROOT, "%nCredentials, per org (the values are never shown):%n");
      int unset = 0;
      for (Map.Entry<String, Map<String, String>> org : credentials.entrySet()) {
        for (Map.Entry<String, String> use : org.getValue().entrySet()) {
          String value = env.apply(use.getValue());
          boolean set = value != null && !value.isBlank();
          unset += set ? 0 : 1;
          out.printf(
              Locale.ROOT,
              "  %-20s %-22s $%-36s %s%n",
              org.getKey(),
              use.getKey(),
              use.getValue(),
              set ? "set" : "NOT SET");
        }
      }
      if (credentials.isEmpty()) {
        out.println("  (no org fetches from a platform or changes one)");
      }
      out.flush();
      if (!calendar.refused(today).isEmpty()) {
        return ExitCodes.REQUEST_REFUSED;
      }
      return unset > 0 ? ExitCodes.CREDENTIALS_REFUSED : ExitCodes.OK;
    }
  }

  /** Per org, what reads which variable: "fetch dv360", "write-back meta". */
  private static Map<String, Map<String, String>> credentials(
      List<String> orgs, ConnectorSettings connectors, Optional<WritebackSettings> writeback) {
    Map<String, Map<String, String>> uses = new TreeMap<>();
    connectors
        .orgs()
        .forEach(
            (org, accounts) ->
                accounts
                    .keySet()
                    .forEach(
                        source ->
                            uses.computeIfAbsent(org, o -> new TreeMap<>())
                                .put(
                                    "fetch " + source,
                                    connectors.credentialsEnv(org, Source.fromId(source)))));
    writeback.ifPresent(
        w -> {
          for (String org : orgs) {
            WritebackSettings.OrgWritebackSettings own = w.orgs().get(org);
            w.platforms()
                .forEach(
                    (platform, endpoint) ->
                        uses.computeIfAbsent(org, o -> new TreeMap<>())
                            .put(
                                "write-back " + platform,
                                own == null
                                    ? endpoint.tokenEnv()
                                    : own.tokenEnv().getOrDefault(platform, endpoint.tokenEnv())));
          }
        });
    return uses;
  }
}

package io.adlake.jobs.connectors;

import io.adlake.model.Source;
import io.adlake.model.config.ConnectorSettings;
import io.adlake.model.config.PlatformEndpoint;
import io.adlake.model.config.WritebackSettings;
import io.adlake.platforms.kit.PlatformKit;
import io.adlake.platforms.kit.PlatformKits;
import io.adlake.platforms.versions.PinnedVersion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every API and file-format version adlake's calls pin, in one table: for each platform, the
 * version its conf/connectors.yaml and conf/writeback.yaml endpoints name (and the ones adlake's
 * code pins, such as the SDF version), with its sunset and the source of that date. A fetch checks
 * the rows of its endpoint before calling; {@code adlake doctor} prints them all.
 */
public record VersionCalendar(List<Row> rows) {

  /** One pinned version of one platform. */
  public record Row(String platform, PinnedVersion version) {}

  public VersionCalendar {
    rows = List.copyOf(rows);
  }

  /**
   * The calendar of this configuration.
   *
   * @param writeback conf/writeback.yaml, when the installation has one
   */
  public static VersionCalendar of(
      PlatformKits kits, ConnectorSettings connectors, Optional<WritebackSettings> writeback) {
    List<Row> rows = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (PlatformKit kit : kits.all()) {
      List<Source> endpoints = new ArrayList<>();
      if (kit.reports().isPresent()) {
        endpoints.add(kit.source());
      }
      kit.setup().map(PlatformKit.SetupFetch::endpoint).ifPresent(endpoints::add);
      for (Source endpoint : endpoints) {
        if (connectors.sources().containsKey(endpoint.id())) {
          add(
              rows,
              seen,
              kit,
              kit.versions(
                  connectors.endpoint(endpoint).baseUrl(),
                  "sources." + endpoint.id() + ".base_url in conf/connectors.yaml"));
        }
      }
      PlatformEndpoint changes =
          writeback.map(w -> w.platforms().get(kit.source().id())).orElse(null);
      if (changes != null && kit.writeback().isPresent()) {
        add(
            rows,
            seen,
            kit,
            kit.versions(
                changes.baseUrl(),
                "platforms." + kit.source().id() + ".base_url in conf/writeback.yaml"));
      }
    }
    return new VersionCalendar(rows);
  }

  private static void add(
      List<Row> rows, Set<String> seen, PlatformKit kit, List<PinnedVersion> versions) {
    for (PinnedVersion version : versions) {
      if (seen.add(kit.source().id() + "|" + version.api() + "|" + version.setting())) {
        rows.add(new Row(kit.source().id(), version));
      }
    }
  }

  /** The rows a call may not use today: past their sunset, or unknown to adlake. */
  public List<Row> refused(LocalDate today) {
    return rows.stream().filter(r -> !r.version().callable(today)).toList();
  }

  /** The rows that end within {@link PinnedVersion#WARNING_DAYS} days. */
  public List<Row> ending(LocalDate today) {
    return rows.stream()
        .filter(r -> r.version().status(today) == PinnedVersion.Status.ENDING)
        .toList();
  }
}

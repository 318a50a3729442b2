package io.adlake.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.adlake.model.config.AlertSettings;
import io.adlake.model.config.AlertSettingsLoader;
import io.adlake.model.config.MartSettingsLoader;
import io.adlake.model.config.OrgMartSettings;
import io.adlake.model.org.Org;
import io.adlake.model.org.OrgId;
import io.adlake.model.org.OrgRegistry;
import io.adlake.model.org.SourceOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A landing zone built from the committed fixtures (in the transforms module), for one org and one
 * date.
 */
public final class TestLanding {
  private TestLanding() {}

  public static final Path FIXTURES =
      Path.of("..", "transforms", "src", "test", "resources", "fixtures");
  public static final String DATE = "2026-11-03";

  public static OrgRegistry registry() {
    return registry("acme");
  }

  /** Orgs with the same sources, reporting in EUR from Berlin. */
  public static OrgRegistry registry(String... ids) {
    Map<String, SourceOptions> sources = new LinkedHashMap<>();
    for (String s : List.of("dv360", "meta", "bookings", "setup", "fx")) {
      sources.put(s, SourceOptions.defaults());
    }
    List<Org> orgs = new ArrayList<>();
    for (String id : ids) {
      orgs.add(
          new Org(
              OrgId.of(id),
              id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1),
              "EUR",
              "Europe/Berlin",
              sources));
    }
    return new OrgRegistry(orgs);
  }

  /**
   * The repository's conf/marts.yaml defaults (its per-org sections name orgs this registry does
   * not have).
   */
  public static OrgMartSettings martSettings() {
    try {
      String shipped = Files.readString(Path.of("../conf/marts.yaml"));
      Path dir = Files.createTempDirectory("adlake-conf");
      Files.writeString(
          dir.resolve(MartSettingsLoader.FILE), shipped.substring(0, shipped.indexOf("\norgs:")));
      return MartSettingsLoader.load(dir, registry());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Copies the fixtures into {@code root} under the landing layout; returns the DV360 report's
   * path.
   */
  public static Path build(Path root) throws IOException {
    copy(root, "dv360", "dv360_report.csv", "dv360_report.csv");
    copy(root, "meta", "meta_insights.jsonl", "insights.jsonl");
    copy(root, "bookings", "bookings.csv", "OpportunityLineItem.csv");
    copy(root, "setup", "sdf_insertion_orders.csv", "SDF-InsertionOrders.csv");
    copy(root, "setup", "sdf_line_items.csv", "SDF-LineItems.csv");
    copy(root, "setup", "ttd_ad_groups.jsonl", "ttd_adgroups.jsonl");
    copy(root, "setup", "meta_ad_sets.jsonl", "meta_adsets.jsonl");
    copy(root, "fx", "ecb_fx.csv", "eurofxref.csv");
    Files.createDirectories(root.resolve("stray"));
    Files.writeString(root.resolve("stray").resolve("notes.csv"), "not an export\n");
    return root.resolve("acme/dv360/" + DATE + "/dv360_report.csv");
  }

  private static void copy(Path root, String source, String fixture, String name)
      throws IOException {
    Path dir = root.resolve("acme").resolve(source).resolve(DATE);
    Files.createDirectories(dir);
    Files.copy(FIXTURES.resolve(fixture), dir.resolve(name));
  }

  /**
   * The repository's conf/alerts.yaml rules and delivery settings (its org sections name orgs this
   * registry does not have).
   */
  public static AlertSettings alertSettings() {
    try {
      var yaml = new ObjectMapper(new YAMLFactory());
      var shipped = (ObjectNode) yaml.readTree(Path.of("../conf/alerts.yaml").toFile());
      shipped.remove("orgs");
      Path dir = Files.createTempDirectory("adlake-conf");
      yaml.writeValue(dir.resolve(AlertSettingsLoader.FILE).toFile(), shipped);
      return AlertSettingsLoader.load(dir, registry());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

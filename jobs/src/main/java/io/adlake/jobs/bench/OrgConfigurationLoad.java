package io.adlake.jobs.bench;

import io.adlake.model.config.AlertSettingsLoader;
import io.adlake.model.config.MartSettingsLoader;
import io.adlake.model.config.QualitySettingsLoader;
import io.adlake.model.config.WritebackSettingsLoader;
import io.adlake.model.org.Org;
import io.adlake.model.org.OrgRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the configuration of many orgs costs a command before any data is read: the registry and a
 * section per org in every per-org file (marts, alerts, write-back), loaded and validated as each
 * command does.
 */
final class OrgConfigurationLoad {
  private OrgConfigurationLoad() {}

  /**
   * Writes the registry and a section per org into each per-org file, then times loading them all.
   */
  static double millis(Path conf, List<Org> orgs, Path shippedConf) throws IOException {
    new OrgRegistry(orgs).save(conf.resolve(OrgRegistry.FILE));
    String marts = Files.readString(shippedConf.resolve(MartSettingsLoader.FILE));
    String alerts = Files.readString(shippedConf.resolve("alerts.yaml"));
    String writeback = Files.readString(shippedConf.resolve(WritebackSettingsLoader.FILE));
    StringBuilder martOrgs = new StringBuilder("\norgs:\n");
    StringBuilder alertOrgs = new StringBuilder("orgs:\n");
    StringBuilder writebackOrgs = new StringBuilder("orgs:\n");
    for (Org org : orgs) {
      martOrgs
          .append("  ")
          .append(org.id())
          .append(":\n    pacing: {under_below: 0.85, over_above: 1.15}\n");
      alertOrgs
          .append("  ")
          .append(org.id())
          .append(":\n    send_to: {email: [ops@")
          .append(org.id())
          .append(".example]}\n");
      writebackOrgs
          .append("  ")
          .append(org.id())
          .append(":\n    approval_threshold: 2500\n    token_env: {dv360: ADLAKE_DV360_TOKEN_")
          .append(org.id().value().toUpperCase(Locale.ROOT).replace('-', '_'))
          .append("}\n");
    }
    Files.writeString(
        conf.resolve(MartSettingsLoader.FILE),
        marts.substring(0, marts.indexOf("\norgs:")) + martOrgs);
    Files.writeString(
        conf.resolve("alerts.yaml"),
        replaceSection(alerts, "orgs:", "delivery:", alertOrgs.toString()));
    Files.writeString(
        conf.resolve(WritebackSettingsLoader.FILE),
        replaceSection(writeback, "orgs:", "platforms:", writebackOrgs.toString()));
    Files.copy(
        shippedConf.resolve(QualitySettingsLoader.FILE), conf.resolve(QualitySettingsLoader.FILE));

    long start = System.nanoTime();
    OrgRegistry registry = OrgRegistry.load(conf.resolve(OrgRegistry.FILE));
    MartSettingsLoader.load(conf, registry);
    AlertSettingsLoader.load(conf, registry);
    WritebackSettingsLoader.load(conf, registry);
    QualitySettingsLoader.load(conf);
    double ms = (System.nanoTime() - start) / 1e6;
    if (registry.orgs().size() != orgs.size()) {
      throw new IllegalStateException(
          "the registry read back " + registry.orgs().size() + " of " + orgs.size() + " orgs");
    }
    return ms;
  }

  private static String replaceSection(String yaml, String from, String to, String section) {
    int start = yaml.indexOf("\n" + from) + 1;
    int end = yaml.indexOf("\n" + to, start) + 1;
    if (start <= 0 || end <= 0) {
      throw new IllegalStateException(
          "the shipped file has no '" + from + "' section before '" + to + "'");
    }
    return yaml.substring(0, start) + section + "\n" + yaml.substring(end);
  }
}

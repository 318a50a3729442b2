package io.adlake.model.config;

import io.adlake.model.org.OrgRegistry;
import java.nio.file.Path;

/** Reads {@code conf/connectors.yaml}: one file, no layers. Unknown keys, sources and orgs are refused by name. */
public final class ConnectorSettingsLoader {
  private ConnectorSettingsLoader() {}

  public static final String FILE = "connectors.yaml";

  public static ConnectorSettings load(Path confDir, OrgRegistry orgs) {
    Path file = confDir.resolve(FILE);
    ConnectorSettings settings = SettingsFile.read(file, ConnectorSettings.class, "connector settings");
    SettingsFile.requireKnownOrgs(file, settings.orgs().keySet(), orgs);
    return settings;
  }
}

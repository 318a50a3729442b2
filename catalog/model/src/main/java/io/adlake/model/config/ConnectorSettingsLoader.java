package io.adlake.model.config;

import io.adlake.model.ConfigException;
import io.adlake.model.Source;
import io.adlake.model.org.OrgRegistry;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads {@code conf/connectors.yaml}: one file, no layers. Unknown keys, sources and orgs are
 * refused by name.
 */
public final class ConnectorSettingsLoader {
  private ConnectorSettingsLoader() {}

  public static final String FILE = "connectors.yaml";

  /**
   * @param fetchable the sources the platform registry can fetch: a source or account naming
   *     another is refused
   */
  public static ConnectorSettings load(Path confDir, OrgRegistry orgs, List<Source> fetchable) {
    Path file = confDir.resolve(FILE);
    ConnectorSettings settings =
        SettingsFile.read(file, ConnectorSettings.class, "connector settings");
    SettingsFile.requireKnownOrgs(file, settings.orgs().keySet(), orgs);
    try {
      settings.requireFetchable(fetchable);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file + ": " + e.getMessage());
    }
    return settings;
  }
}

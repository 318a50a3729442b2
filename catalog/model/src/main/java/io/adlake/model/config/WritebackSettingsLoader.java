package io.adlake.model.config;

import io.adlake.model.org.OrgRegistry;
import java.nio.file.Path;

/**
 * Reads {@code conf/writeback.yaml}: one file, no layers. Unknown keys, platforms and orgs are
 * refused by name.
 */
public final class WritebackSettingsLoader {
  private WritebackSettingsLoader() {}

  public static final String FILE = "writeback.yaml";

  public static WritebackSettings load(Path confDir, OrgRegistry orgs) {
    Path file = confDir.resolve(FILE);
    WritebackSettings settings =
        SettingsFile.read(file, WritebackSettings.class, "write-back settings");
    SettingsFile.requireKnownOrgs(file, settings.orgs().keySet(), orgs);
    return settings;
  }
}

package io.adlake.model.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.adlake.model.ConfigException;
import io.adlake.model.org.OrgId;
import io.adlake.model.org.OrgRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * A one-file settings YAML of conf/ read into its record: unknown keys refused with their path,
 * errors naming the file.
 */
final class SettingsFile {
  private SettingsFile() {}

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  static <T> T read(Path file, Class<T> type, String what) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(what + " not found: " + file);
    }
    try {
      JsonNode root = YAML.readTree(file.toFile());
      RecordKeys.refuseUnknown(file, root, type, "");
      return YAML.treeToValue(root, type);
    } catch (ValueInstantiationException e) {
      throw new ConfigException(
          file + ": " + (e.getCause() == null ? e.getOriginalMessage() : e.getCause().getMessage()),
          e);
    } catch (IOException e) {
      throw new ConfigException(file + ": " + e.getMessage(), e);
    }
  }

  /** Settings for an org the registry does not know are a typo, not a future org. */
  static void requireKnownOrgs(Path file, Collection<String> orgIds, OrgRegistry orgs) {
    for (String org : orgIds) {
      try {
        if (orgs.find(OrgId.of(org)).isEmpty()) {
          throw new ConfigException(file + ": orgs." + org + " is not in the org registry");
        }
      } catch (IllegalArgumentException e) {
        throw new ConfigException(file + ": orgs." + org + ": " + e.getMessage());
      }
    }
  }
}

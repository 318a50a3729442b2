package io.adlake.catalog.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.adlake.catalog.TableSpec;
import io.adlake.catalog.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@code conf/quality.yaml}. There is one layer: the file. A table must be one adlake writes in silver or
 * gold, and a referenced table one adlake knows; anything else stops the run with the name.
 */
public final class QualitySettingsLoader {
  private QualitySettingsLoader() {}

  public static final String FILE = "quality.yaml";

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public static QualitySettings load(Path confDir) {
    Path file = confDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("quality settings not found: " + file);
    }
    QualitySettings settings;
    try {
      refuseUnknownKeys(file, YAML.readTree(file.toFile()));
      settings = YAML.readValue(file.toFile(), QualitySettings.class);
    } catch (ValueInstantiationException e) {
      throw new ConfigException(file + ": " + (e.getCause() == null ? e.getOriginalMessage() : e.getCause().getMessage()), e);
    } catch (IOException e) {
      throw new ConfigException(file + ": " + e.getMessage(), e);
    }
    Set<String> gated = Tables.PUBLISHED.stream().map(TableSpec::path).collect(Collectors.toSet());
    Set<String> known = Tables.ALL.stream().map(TableSpec::path).collect(Collectors.toSet());
    settings.tables().forEach(
        (table, checks) -> {
          if (!gated.contains(table)) {
            throw new ConfigException(file + ": tables." + table + " is not a silver or gold table adlake writes; gated tables are " + new java.util.TreeSet<>(gated));
          }
          Set<String> seen = new java.util.HashSet<>();
          for (CheckSpec check : checks) {
            if (!seen.add(check.describe() + "/" + check.dateColumn())) {
              throw new ConfigException(file + ": tables." + table + " lists " + check.describe() + " twice");
            }
            if (check.reference() != null && !known.contains(check.reference())) {
              throw new ConfigException(file + ": tables." + table + ": " + check.describe() + " references unknown table '" + check.reference() + "'");
            }
          }
        });
    return settings;
  }

  /** Jackson builds a record before it reports an unknown key, so a misspelt key would surface as a missing one. */
  private static void refuseUnknownKeys(Path file, com.fasterxml.jackson.databind.JsonNode root) {
    Set<String> keys =
        java.util.Arrays.stream(CheckSpec.class.getRecordComponents())
            .map(c -> PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(c.getName()))
            .collect(Collectors.toSet());
    root.path("tables").fields().forEachRemaining(table -> table.getValue().forEach(check -> check.fieldNames().forEachRemaining(key -> {
      if (!keys.contains(key)) {
        throw new ConfigException(file + ": tables." + table.getKey() + ": unknown key '" + key + "'; keys are " + new java.util.TreeSet<>(keys));
      }
    })));
  }
}

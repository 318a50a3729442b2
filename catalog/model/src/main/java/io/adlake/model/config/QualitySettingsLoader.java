package io.adlake.model.config;

import io.adlake.model.ConfigException;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads {@code conf/quality.yaml}. There is one layer: the file. A table must be one adlake writes
 * in silver or gold, and a referenced table one adlake knows; anything else stops the run with the
 * name.
 */
public final class QualitySettingsLoader {
  private QualitySettingsLoader() {}

  public static final String FILE = "quality.yaml";

  public static QualitySettings load(Path confDir) {
    Path file = confDir.resolve(FILE);
    QualitySettings settings = SettingsFile.read(file, QualitySettings.class, "quality settings");
    Set<String> gated = Tables.PUBLISHED.stream().map(TableSpec::path).collect(Collectors.toSet());
    Set<String> known = Tables.ALL.stream().map(TableSpec::path).collect(Collectors.toSet());
    settings
        .tables()
        .forEach(
            (table, checks) -> {
              if (!gated.contains(table)) {
                throw new ConfigException(
                    file
                        + ": tables."
                        + table
                        + " is not a silver or gold table adlake writes; gated tables are "
                        + new TreeSet<>(gated));
              }
              Set<String> seen = new HashSet<>();
              for (CheckSpec check : checks) {
                if (!seen.add(check.describe() + "/" + check.dateColumn())) {
                  throw new ConfigException(
                      file + ": tables." + table + " lists " + check.describe() + " twice");
                }
                if (check.reference() != null && !known.contains(check.reference())) {
                  throw new ConfigException(
                      file
                          + ": tables."
                          + table
                          + ": "
                          + check.describe()
                          + " references unknown table '"
                          + check.reference()
                          + "'");
                }
              }
            });
    return settings;
  }
}

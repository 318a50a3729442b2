package io.adlake.model.config;

import io.adlake.model.ConfigException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Iceberg catalog jobs read and write.
 *
 * @param name Spark catalog name; tables are addressed as {@code name.namespace.table}
 * @param type {@code jdbc} (embedded SQLite default) or {@code nessie}
 * @param uri JDBC URL or Nessie API URL
 * @param warehouse warehouse root (local folder or s3:// prefix)
 * @param properties further Iceberg catalog properties passed through unchanged (e.g. {@code ref}
 *     for Nessie)
 */
public record CatalogSettings(
    String name, String type, String uri, String warehouse, Map<String, String> properties) {
  /** The embedded catalog: Iceberg's JDBC catalog on SQLite. */
  public static final String JDBC = "jdbc";

  /** Nessie, the production catalog (branches for write-audit-publish). */
  public static final String NESSIE = "nessie";

  public CatalogSettings {
    properties = Map.copyOf(properties == null ? Map.of() : properties);
  }

  /** The Spark configuration entries that register this catalog. */
  public Map<String, String> sparkConf() {
    String prefix = "spark.sql.catalog." + name;
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put(prefix, "org.apache.iceberg.spark.SparkCatalog");
    switch (type) {
      case JDBC -> {
        conf.put(prefix + ".type", JDBC);
        // Views need the V1 catalog schema; it is also the only one that records the table's kind.
        conf.put(prefix + ".jdbc.schema-version", "V1");
      }
      case NESSIE -> conf.put(prefix + ".type", NESSIE);
      default ->
          throw new ConfigException("catalog.type must be jdbc or nessie, was '" + type + "'");
    }
    conf.put(prefix + ".uri", uri);
    conf.put(prefix + ".warehouse", warehouse);
    properties.forEach((k, v) -> conf.put(prefix + "." + k, v));
    return conf;
  }
}

package io.adlake.catalog;

import io.adlake.model.config.AdlakeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** Builds the one SparkSession a job uses, with adlake's catalog registered and made the default. */
public final class SparkSessionFactory {
  private SparkSessionFactory() {}

  /** Iceberg's SQL extensions (CALL, branches, WRITE ORDERED BY), which every adlake session runs with. */
  public static final String ICEBERG_EXTENSIONS = "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions";

  public static SparkSession create(AdlakeConfig config, String appName) {
    return create(config, appName, java.util.Map.of());
  }

  /** The same, with settings of the caller's own applied last (they win over the profile's). */
  public static SparkSession create(AdlakeConfig config, String appName, java.util.Map<String, String> extra) {
    createSqliteFolder(config.catalog().uri());
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    if (!config.spark().master().isBlank()) {
      builder.master(config.spark().master());
      // A laptop run needs no UI and must not bind outside loopback.
      builder.config("spark.ui.enabled", "false");
      builder.config("spark.driver.host", "127.0.0.1");
      builder.config("spark.driver.bindAddress", "127.0.0.1");
    }
    builder
        .config("spark.sql.extensions", ICEBERG_EXTENSIONS)
        .config("spark.sql.defaultCatalog", config.catalog().name())
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", String.valueOf(config.spark().shufflePartitions()));
    config.catalog().sparkConf().forEach(builder::config);
    config.spark().conf().forEach(builder::config);
    extra.forEach(builder::config);
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }

  /** SQLite makes its database file but not the folder it goes in; a first run on a fresh data folder needs it. */
  private static void createSqliteFolder(String uri) {
    String prefix = "jdbc:sqlite:";
    if (uri == null || !uri.startsWith(prefix) || uri.startsWith(prefix + ":memory:") || uri.startsWith(prefix + "file:")) {
      return;
    }
    Path parent = Path.of(uri.substring(prefix.length())).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the folder of the catalog database " + uri, e);
    }
  }
}

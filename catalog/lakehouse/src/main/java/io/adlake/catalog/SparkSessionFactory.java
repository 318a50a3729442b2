package io.adlake.catalog;

import io.adlake.catalog.fs.LocalFileSystemWithoutForks;
import io.adlake.model.config.AdlakeConfig;
import io.adlake.model.config.SparkSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the one SparkSession a job uses, with adlake's catalog registered and made the default.
 * What adlake's tables and SQL need is always set; adlake's tunable defaults only where Spark's own
 * configuration left a key unset.
 */
public final class SparkSessionFactory {
  private SparkSessionFactory() {}

  private static final Logger LOG = LoggerFactory.getLogger(SparkSessionFactory.class);

  /**
   * Iceberg's SQL extensions (CALL, branches, WRITE ORDERED BY), which every adlake session runs
   * with.
   */
  public static final String ICEBERG_EXTENSIONS =
      "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions";

  public static SparkSession create(AdlakeConfig config, String appName) {
    return create(config, appName, Map.of());
  }

  /** The same, with settings of the caller's own applied last (they win over the profile's). */
  public static SparkSession create(
      AdlakeConfig config, String appName, Map<String, String> extra) {
    createSqliteFolder(config.catalog().uri());
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    if (!config.spark().master().isBlank()) {
      builder.master(config.spark().master());
    }
    builder
        .config("spark.sql.extensions", ICEBERG_EXTENSIONS)
        .config("spark.sql.defaultCatalog", config.catalog().name())
        .config("spark.sql.session.timeZone", "UTC");
    config.catalog().sparkConf().forEach(builder::config);
    // A default goes only where nothing set the key: Spark's configuration (see leftUnset), the
    // profile's spark.conf
    // or the caller.
    SparkConf configured = new SparkConf();
    config.spark().conf().forEach(configured::set);
    extra.forEach(configured::set);
    Map<String, String> defaults = defaults(config.spark());
    Map<String, String> applied = leftUnset(configured, defaults);
    applied.forEach(builder::config);
    config.spark().conf().forEach(builder::config);
    extra.forEach(builder::config);
    SparkSession spark = builder.getOrCreate();
    LOG.info("Spark session {}: {}", appName, describe(spark, defaults.keySet(), applied.keySet()));
    return spark;
  }

  /**
   * adlake's defaults for Spark settings a user or cluster may well set otherwise: the shuffle
   * partitions of the profile's {@code spark.shuffle_partitions}, and for a local master (a laptop
   * run) no UI, nothing bound outside loopback, and local files written without a {@code chmod}
   * process per file ({@link LocalFileSystemWithoutForks}).
   */
  static Map<String, String> defaults(SparkSettings spark) {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("spark.sql.shuffle.partitions", String.valueOf(spark.shufflePartitions()));
    if (!spark.master().isBlank()) {
      defaults.put("spark.ui.enabled", "false");
      defaults.put("spark.driver.host", "127.0.0.1");
      defaults.put("spark.driver.bindAddress", "127.0.0.1");
      defaults.put(
          LocalFileSystemWithoutForks.SPARK_SETTING, LocalFileSystemWithoutForks.class.getName());
    }
    return defaults;
  }

  /**
   * The defaults whose key {@code present} leaves unset. A {@code new SparkConf()} holds what was
   * set for Spark before adlake: spark-submit hands its {@code --conf} and spark-defaults.conf to
   * the driver as {@code spark.*} system properties, and {@code -Dspark.*} in ADLAKE_JAVA_OPTS is
   * one too.
   */
  static Map<String, String> leftUnset(SparkConf present, Map<String, String> defaults) {
    Map<String, String> unset = new LinkedHashMap<>();
    defaults.forEach(
        (key, value) -> {
          if (!present.contains(key)) {
            unset.put(key, value);
          }
        });
    return unset;
  }

  /**
   * Each default's key with its value in the session and whose value it is: a log shows which
   * defaults yielded.
   */
  private static String describe(SparkSession spark, Set<String> keys, Set<String> applied) {
    StringJoiner line = new StringJoiner(", ");
    for (String key : keys) {
      String whose = applied.contains(key) ? "adlake's default" : "as configured";
      line.add(key + "=" + spark.conf().get(key, "(unset)") + " (" + whose + ")");
    }
    return line.toString();
  }

  /**
   * SQLite makes its database file but not the folder it goes in; a first run on a fresh data
   * folder needs it.
   */
  private static void createSqliteFolder(String uri) {
    String prefix = "jdbc:sqlite:";
    if (uri == null
        || !uri.startsWith(prefix)
        || uri.startsWith(prefix + ":memory:")
        || uri.startsWith(prefix + "file:")) {
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

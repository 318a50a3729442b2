package io.adlake.catalog;

import io.adlake.catalog.config.AdlakeConfig;
import org.apache.spark.sql.SparkSession;

/** Builds the one SparkSession a job uses, with adlake's catalog registered and made the default. */
public final class SparkSessionFactory {
  private SparkSessionFactory() {}

  public static SparkSession create(AdlakeConfig config, String appName) {
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    if (!config.spark().master().isBlank()) {
      builder.master(config.spark().master());
      // A laptop run needs no UI and must not bind outside loopback.
      builder.config("spark.ui.enabled", "false");
      builder.config("spark.driver.host", "127.0.0.1");
      builder.config("spark.driver.bindAddress", "127.0.0.1");
    }
    builder
        .config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
        .config("spark.sql.defaultCatalog", config.catalog().name())
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", String.valueOf(config.spark().shufflePartitions()))
        .config("spark.sql.adaptive.enabled", "true");
    config.catalog().sparkConf().forEach(builder::config);
    config.spark().conf().forEach(builder::config);
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }
}

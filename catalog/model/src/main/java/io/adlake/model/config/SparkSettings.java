package io.adlake.model.config;

import io.adlake.model.ConfigException;
import java.util.Map;

/**
 * Spark session settings. {@code master} is empty when the job runs under {@code spark-submit},
 * which sets it.
 */
public record SparkSettings(String master, int shufflePartitions, Map<String, String> conf) {

  public SparkSettings {
    conf = Map.copyOf(conf == null ? Map.of() : conf);
    if (shufflePartitions <= 0) {
      throw new ConfigException(
          "spark.shuffle_partitions must be positive, was " + shufflePartitions);
    }
  }
}

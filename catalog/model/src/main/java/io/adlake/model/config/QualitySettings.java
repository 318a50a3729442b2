package io.adlake.model.config;

import java.util.List;
import java.util.Map;

/**
 * The gates between layers, from {@code conf/quality.yaml}.
 *
 * @param historyRuns how many earlier published runs an anomaly check reads per org and metric
 * @param tables checks per table path ({@code silver.delivery_daily}); the grain check needs no
 *     entry
 */
public record QualitySettings(int historyRuns, Map<String, List<CheckSpec>> tables) {

  public QualitySettings {
    if (historyRuns < 1 || historyRuns > 1000) {
      throw new IllegalArgumentException(
          "history_runs must be between 1 and 1000, was " + historyRuns);
    }
    tables = tables == null ? Map.of() : Map.copyOf(tables);
  }

  public List<CheckSpec> checksOf(String tablePath) {
    return tables.getOrDefault(tablePath, List.of());
  }
}

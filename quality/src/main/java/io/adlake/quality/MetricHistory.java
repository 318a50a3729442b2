package io.adlake.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.row_number;

import io.adlake.catalog.Lakehouse;
import io.adlake.model.Tables;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The metrics repository anomaly checks read: {@code ops.quality_metrics}, the values of runs whose
 * gates passed, one per day (the newest run of a day), the last {@code limit} days before the day
 * being judged. Loaded once per gate into memory: a few metrics per org and day.
 */
public final class MetricHistory {

  private final Map<String, List<Double>> series;

  private MetricHistory(Map<String, List<Double>> series) {
    this.series = series;
  }

  public static MetricHistory empty() {
    return new MetricHistory(Map.of());
  }

  public static MetricHistory load(Lakehouse main, LocalDate before, int limit) {
    if (!main.exists(Tables.QUALITY_METRICS)) {
      return empty();
    }
    Dataset<Row> passed =
        main.read(Tables.QUALITY_METRICS)
            .filter(col("gate_passed").and(col("metric_date").lt(Date.valueOf(before))));
    Dataset<Row> newestPerDay =
        passed
            .withColumn(
                "_n",
                row_number()
                    .over(
                        Window.partitionBy("table_name", "metric_name", "org_id", "metric_date")
                            .orderBy(desc("recorded_at"))))
            .filter(col("_n").equalTo(1))
            .withColumn(
                "_age",
                row_number()
                    .over(
                        Window.partitionBy("table_name", "metric_name", "org_id")
                            .orderBy(desc("metric_date"))))
            .filter(col("_age").leq(limit))
            .orderBy("table_name", "metric_name", "org_id", "metric_date");
    Map<String, List<Double>> series = new HashMap<>();
    for (Row r :
        newestPerDay.select("table_name", "metric_name", "org_id", "value").collectAsList()) {
      series
          .computeIfAbsent(
              key(r.getString(0), r.getString(1), r.getString(2)), k -> new ArrayList<>())
          .add(r.getDouble(3));
    }
    return new MetricHistory(series);
  }

  /** Oldest first. */
  public List<Double> of(String table, String metric, String org) {
    return Collections.unmodifiableList(series.getOrDefault(key(table, metric, org), List.of()));
  }

  private static String key(String table, String metric, String org) {
    return table + '\u0000' + metric + '\u0000' + org;
  }
}

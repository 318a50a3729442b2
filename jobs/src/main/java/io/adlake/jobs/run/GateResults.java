package io.adlake.jobs.run;

import static org.apache.spark.sql.functions.col;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.Tables;
import io.adlake.jobs.SliceMerge;
import io.adlake.quality.ConstraintOutcome;
import io.adlake.quality.GateReport;
import io.adlake.quality.MetricPoint;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes a gate's outcome to {@code ops.quality_results} and its metrics to {@code ops.quality_metrics}, on main:
 * a failed gate must be visible to whoever investigates, while the data it judged stays on the run's branch. A
 * rerun of the same run replaces its rows of the tables it gated.
 */
public final class GateResults {
  private GateResults() {}

  public static final StructType RESULTS =
      new StructType()
          .add("run_id", DataTypes.StringType, false)
          .add("layer", DataTypes.StringType, false)
          .add("table_name", DataTypes.StringType, false)
          .add("org_id", DataTypes.StringType, false)
          .add("check_name", DataTypes.StringType, false)
          .add("constraint_name", DataTypes.StringType, false)
          .add("level", DataTypes.StringType, false)
          .add("status", DataTypes.StringType, false)
          .add("message", DataTypes.StringType)
          .add("metric_value", DataTypes.DoubleType)
          .add("recorded_at", DataTypes.TimestampType, false);

  public static final StructType METRICS =
      new StructType()
          .add("run_id", DataTypes.StringType, false)
          .add("table_name", DataTypes.StringType, false)
          .add("metric_name", DataTypes.StringType, false)
          .add("org_id", DataTypes.StringType, false)
          .add("metric_date", DataTypes.DateType, false)
          .add("value", DataTypes.DoubleType, false)
          .add("gate_passed", DataTypes.BooleanType, false)
          .add("recorded_at", DataTypes.TimestampType, false);

  public static void record(Lakehouse main, GateReport report) {
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> results = new ArrayList<>();
    for (ConstraintOutcome o : report.outcomes()) {
      results.add(
          RowFactory.create(
              report.runId(), report.layer(), o.table(), o.orgId(), o.check(), o.constraint(), o.level(), o.status(), o.message(), o.metricValue(), now));
    }
    // Two anomaly checks on one metric (a rate and a band) measure it once.
    Map<String, Row> metrics = new LinkedHashMap<>();
    for (MetricPoint m : report.metrics()) {
      metrics.putIfAbsent(
          m.table() + '\u0000' + m.metric() + '\u0000' + m.orgId(),
          RowFactory.create(report.runId(), m.table(), m.metric(), m.orgId(), Date.valueOf(m.metricDate()), m.value(), report.passed(), now));
    }
    replace(main, Tables.QUALITY_RESULTS, main.spark().createDataFrame(results, RESULTS), report);
    replace(main, Tables.QUALITY_METRICS, main.spark().createDataFrame(new ArrayList<>(metrics.values()), METRICS), report);
  }

  private static void replace(Lakehouse main, io.adlake.catalog.TableSpec table, Dataset<Row> rows, GateReport report) {
    List<Row> slices = new ArrayList<>();
    for (String gated : report.outcomes().stream().map(ConstraintOutcome::table).distinct().toList()) {
      slices.add(RowFactory.create(report.runId(), gated));
    }
    Dataset<Row> sliceFrame =
        main.spark().createDataFrame(slices, new StructType().add("run_id", DataTypes.StringType).add("table_name", DataTypes.StringType));
    SliceMerge.replaceChecked(main, table, rows, sliceFrame, report.runId());
  }

  /** A run's results, errors first, for {@code adlake quality report}. */
  public static Dataset<Row> of(Lakehouse main, String runId) {
    return main.read(Tables.QUALITY_RESULTS)
        .filter(col("run_id").equalTo(runId))
        .orderBy(
            org.apache.spark.sql.functions.when(col("status").equalTo("failure").and(col("level").equalTo("error")), 0)
                .when(col("status").equalTo("failure"), 1)
                .when(col("status").equalTo("skipped"), 3)
                .otherwise(2),
            col("layer"),
            col("table_name"),
            col("check_name"),
            col("org_id"));
  }
}

package io.adlake.quality;

import static org.apache.spark.sql.functions.col;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.tables.SliceMerge;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What a gate leaves behind: its outcome in {@code ops.quality_results} and its metrics in {@code
 * ops.quality_metrics} (the history the next runs' anomaly checks read, {@link MetricHistory}). One
 * definition of both tables for the writer and the readers.
 *
 * <p>Written on main: a failed gate must be visible to whoever investigates, while the data it
 * judged stays on the run's branch. A rerun of the same run replaces its rows of the tables it
 * gated.
 */
public final class GateRecords {
  private GateRecords() {}

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
    replace(
        main,
        Tables.QUALITY_RESULTS,
        main.spark().createDataFrame(results(report, now), RESULTS),
        report);
    replace(
        main,
        Tables.QUALITY_METRICS,
        main.spark().createDataFrame(metrics(report, now), METRICS),
        report);
  }

  private static void replace(
      Lakehouse main, TableSpec table, Dataset<Row> rows, GateReport report) {
    List<Row> slices = new ArrayList<>();
    for (String gated :
        report.outcomes().stream().map(ConstraintOutcome::table).distinct().toList()) {
      slices.add(RowFactory.create(report.runId(), gated));
    }
    Dataset<Row> sliceFrame =
        main.spark()
            .createDataFrame(
                slices,
                new StructType()
                    .add("run_id", DataTypes.StringType)
                    .add("table_name", DataTypes.StringType));
    SliceMerge.mergeChecked(main, table, rows, sliceFrame, report.runId());
  }

  /** A run's results, errors first, for {@code adlake quality report} and the demo. */
  public static Dataset<Row> ofRun(Lakehouse main, String runId) {
    return main.read(Tables.QUALITY_RESULTS)
        .filter(col("run_id").equalTo(runId))
        .orderBy(
            org.apache
                .spark
                .sql
                .functions
                .when(col("status").equalTo("failure").and(col("level").equalTo("error")), 0)
                .when(col("status").equalTo("failure"), 1)
                .when(col("status").equalTo("skipped"), 3)
                .otherwise(2),
            col("layer"),
            col("table_name"),
            col("check_name"),
            col("org_id"));
  }

  static List<Row> results(GateReport report, Timestamp recordedAt) {
    List<Row> rows = new ArrayList<>();
    for (ConstraintOutcome o : report.outcomes()) {
      rows.add(
          RowFactory.create(
              report.runId(),
              report.layer(),
              o.table(),
              o.orgId(),
              o.check(),
              o.constraint(),
              o.level(),
              o.status(),
              o.message(),
              o.metricValue(),
              recordedAt));
    }
    return rows;
  }

  /**
   * One row per table, metric and org: two anomaly checks on one metric (a rate and a band)
   * measured it once. A held org's value is not history its next runs are judged against ({@code
   * gate_passed} false).
   */
  static List<Row> metrics(GateReport report, Timestamp recordedAt) {
    Map<String, Row> rows = new LinkedHashMap<>();
    Set<String> held = report.heldOrgs().keySet();
    for (MetricPoint m : report.metrics()) {
      rows.putIfAbsent(
          m.table() + '\u0000' + m.metric() + '\u0000' + m.orgId(),
          RowFactory.create(
              report.runId(),
              m.table(),
              m.metric(),
              m.orgId(),
              Date.valueOf(m.metricDate()),
              m.value(),
              report.passed() && !held.contains(m.orgId()),
              recordedAt));
    }
    return new ArrayList<>(rows.values());
  }
}

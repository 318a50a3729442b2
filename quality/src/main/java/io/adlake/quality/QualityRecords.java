package io.adlake.quality;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The rows of {@code ops.quality_results} and {@code ops.quality_metrics}: one definition for writer and readers. */
public final class QualityRecords {
  private QualityRecords() {}

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

  public static List<Row> results(GateReport report, Timestamp recordedAt) {
    List<Row> rows = new ArrayList<>();
    for (ConstraintOutcome o : report.outcomes()) {
      rows.add(
          RowFactory.create(
              report.runId(), report.layer(), o.table(), o.orgId(), o.check(), o.constraint(), o.level(), o.status(), o.message(), o.metricValue(),
              recordedAt));
    }
    return rows;
  }

  /**
   * One row per table, metric and org: two anomaly checks on one metric (a rate and a band) measured it once. A
   * held org's value is not history its next runs are judged against ({@code gate_passed} false).
   */
  public static List<Row> metrics(GateReport report, Timestamp recordedAt) {
    Map<String, Row> rows = new LinkedHashMap<>();
    java.util.Set<String> held = report.heldOrgs().keySet();
    for (MetricPoint m : report.metrics()) {
      rows.putIfAbsent(
          m.table() + '\u0000' + m.metric() + '\u0000' + m.orgId(),
          RowFactory.create(report.runId(), m.table(), m.metric(), m.orgId(), Date.valueOf(m.metricDate()), m.value(), report.passed() && !held.contains(m.orgId()), recordedAt));
    }
    return new ArrayList<>(rows.values());
  }
}

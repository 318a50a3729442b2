package io.adlake.jobs.run;

import static org.apache.spark.sql.functions.col;

import io.adlake.catalog.Lakehouse;
import io.adlake.model.Tables;
import io.adlake.jobs.tables.SliceMerge;
import io.adlake.quality.ConstraintOutcome;
import io.adlake.quality.GateReport;
import io.adlake.quality.QualityRecords;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

  public static void record(Lakehouse main, GateReport report) {
    Timestamp now = Timestamp.from(Instant.now());
    replace(main, Tables.QUALITY_RESULTS, main.spark().createDataFrame(QualityRecords.results(report, now), QualityRecords.RESULTS), report);
    replace(main, Tables.QUALITY_METRICS, main.spark().createDataFrame(QualityRecords.metrics(report, now), QualityRecords.METRICS), report);
  }

  private static void replace(Lakehouse main, io.adlake.model.TableSpec table, Dataset<Row> rows, GateReport report) {
    List<Row> slices = new ArrayList<>();
    for (String gated : report.outcomes().stream().map(ConstraintOutcome::table).distinct().toList()) {
      slices.add(RowFactory.create(report.runId(), gated));
    }
    Dataset<Row> sliceFrame =
        main.spark().createDataFrame(slices, new StructType().add("run_id", DataTypes.StringType).add("table_name", DataTypes.StringType));
    SliceMerge.mergeChecked(main, table, rows, sliceFrame, report.runId());
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

package io.adlake.jobs.cli;

import static org.apache.spark.sql.functions.col;

import io.adlake.catalog.Lakehouse;
import io.adlake.model.Tables;
import io.adlake.quality.ConstraintOutcome;
import io.adlake.quality.GateRecords;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Reads what {@code adlake quality report} prints: a run's gate results from ops.quality_results,
 * errors first, and the orgs it held from ops.org_holds, by org.
 */
final class QualityReportReader {
  private QualityReportReader() {}

  /** The run that recorded gate results last. */
  static String newestRun(Lakehouse lakehouse) {
    return lakehouse
        .read(Tables.QUALITY_RESULTS)
        .orderBy(col("recorded_at").desc())
        .select("run_id")
        .limit(1)
        .collectAsList()
        .get(0)
        .getAs("run_id");
  }

  /** A run's checks and the orgs it held; no ops.org_holds yet means no run has held an org. */
  static RunGateResults read(Lakehouse lakehouse, String run) {
    List<GateCheck> checks =
        GateRecords.ofRun(lakehouse, run).collectAsList().stream()
            .map(QualityReportReader::check)
            .toList();
    List<HeldOrg> held =
        lakehouse.exists(Tables.ORG_HOLDS)
            ? OpsTableQuery.of(lakehouse.read(Tables.ORG_HOLDS))
                .where("run_id", run)
                .all(QualityReportReader::hold, col("org_id"))
            : List.of();
    return new RunGateResults(run, checks, held);
  }

  private static GateCheck check(Row row) {
    return new GateCheck(
        row.getAs("layer"),
        new ConstraintOutcome(
            row.getAs("table_name"),
            row.getAs("org_id"),
            row.getAs("check_name"),
            row.getAs("constraint_name"),
            row.getAs("level"),
            row.getAs("status"),
            row.getAs("message"),
            row.getAs("metric_value")));
  }

  private static HeldOrg hold(Row row) {
    return new HeldOrg(
        row.getAs("org_id"),
        row.getAs("layer"),
        row.<Date>getAs("first_date").toLocalDate(),
        row.<Date>getAs("last_date").toLocalDate(),
        row.getAs("released_by"),
        row.getAs("reason"));
  }
}

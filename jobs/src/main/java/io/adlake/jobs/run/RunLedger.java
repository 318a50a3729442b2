package io.adlake.jobs.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.Tables;
import io.adlake.jobs.TableWrites;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code ops.job_runs}: one row per attempt of a run, appended when the attempt ends, on main. The run id is
 * derived from the run's dates and inputs, so a rerun of the same date with the same inputs finds its earlier
 * attempts here.
 */
public final class RunLedger {

  static final StructType SCHEMA =
      new StructType()
          .add("run_id", DataTypes.StringType, false)
          .add("attempt", DataTypes.IntegerType, false)
          .add("command", DataTypes.StringType, false)
          .add("first_date", DataTypes.DateType, false)
          .add("last_date", DataTypes.DateType, false)
          .add("as_of_date", DataTypes.DateType, false)
          .add("orgs", DataTypes.createArrayType(DataTypes.StringType), false)
          .add("catalog", DataTypes.StringType, false)
          .add("branch", DataTypes.StringType, false)
          .add("status", DataTypes.StringType, false)
          .add("started_at", DataTypes.TimestampType, false)
          .add("finished_at", DataTypes.TimestampType, false)
          .add("duration_ms", DataTypes.LongType, false)
          .add("rows_read", DataTypes.LongType, false)
          .add("rows_accepted", DataTypes.LongType, false)
          .add("rows_quarantined", DataTypes.LongType, false)
          .add("rows_written", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false)
          .add("staged_snapshots", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false)
          .add("published_snapshots", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false)
          .add("silver_gate", DataTypes.StringType)
          .add("gold_gate", DataTypes.StringType)
          .add("message", DataTypes.StringType);

  private final Lakehouse main;

  public RunLedger(Lakehouse main) {
    this.main = main;
  }

  /** The next attempt number of a run: 1 for a run never seen. */
  public int nextAttempt(String runId) {
    if (!main.exists(Tables.JOB_RUNS)) {
      return 1;
    }
    return (int) main.read(Tables.JOB_RUNS).filter(col("run_id").equalTo(runId)).count() + 1;
  }

  /** Whether an attempt of this run published it (a later attempt cannot unpublish it). */
  public Optional<String> publishedBy(String runId) {
    if (!main.exists(Tables.JOB_RUNS)) {
      return Optional.empty();
    }
    List<Row> rows =
        main.read(Tables.JOB_RUNS)
            .filter(col("run_id").equalTo(runId).and(col("status").equalTo(RunStatus.PUBLISHED.code())))
            .orderBy(desc("attempt"))
            .select("attempt", "finished_at")
            .limit(1)
            .collectAsList();
    return rows.isEmpty() ? Optional.empty() : Optional.of("attempt " + rows.get(0).getInt(0) + " at " + rows.get(0).getTimestamp(1).toInstant());
  }

  public void append(RunRecord r) {
    main.ensure(Tables.JOB_RUNS, SCHEMA);
    Row row =
        RowFactory.create(
            r.runId(), r.attempt(), r.command(), Date.valueOf(r.firstDate()), Date.valueOf(r.lastDate()), Date.valueOf(r.asOfDate()), r.orgs(),
            r.catalog(), r.branch(), r.status(), Timestamp.from(r.startedAt()), Timestamp.from(r.finishedAt()), r.durationMs(), r.rowsRead(),
            r.rowsAccepted(), r.rowsQuarantined(), r.rowsWritten(), r.stagedSnapshots(), r.publishedSnapshots(), r.silverGate(), r.goldGate(),
            r.message());
    TableWrites.append(main, Tables.JOB_RUNS, main.spark().createDataFrame(List.of(row), SCHEMA), r.runId());
  }
}

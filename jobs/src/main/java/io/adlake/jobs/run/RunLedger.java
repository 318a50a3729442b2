package io.adlake.jobs.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.max;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.tables.TableWrites;
import io.adlake.model.Tables;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code ops.job_runs}, on main: one row per step of each attempt of a run, appended when the step
 * ends and never changed. The run id is derived from the run's dates and inputs, so a rerun of the
 * same date with the same inputs finds its earlier attempts here; a step run on its own finds the
 * attempt it continues here.
 */
public final class RunLedger {

  static final StructType SCHEMA =
      new StructType()
          .add("run_id", DataTypes.StringType, false)
          .add("attempt", DataTypes.IntegerType, false)
          .add("command", DataTypes.StringType, false)
          // nullable only so that a ledger made before steps existed can gain the column
          .add("step", DataTypes.StringType)
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
          .add(
              "rows_written",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType),
              false)
          .add(
              "staged_snapshots",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType),
              false)
          .add(
              "published_snapshots",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType),
              false)
          .add("silver_gate", DataTypes.StringType)
          .add("gold_gate", DataTypes.StringType)
          .add("message", DataTypes.StringType)
          // nullable only so that a ledger made before per-org holds existed can gain the column
          .add("held_orgs", DataTypes.createArrayType(DataTypes.StringType));

  private final Lakehouse main;

  public RunLedger(Lakehouse main) {
    this.main = main;
  }

  /** The next attempt number of a run: 1 for a run never seen. */
  public int nextAttempt(String runId) {
    if (!main.exists(Tables.JOB_RUNS)) {
      return 1;
    }
    Row last =
        main.read(Tables.JOB_RUNS).filter(col("run_id").equalTo(runId)).agg(max("attempt")).first();
    return last.isNullAt(0) ? 1 : last.getInt(0) + 1;
  }

  /**
   * The newest step recorded for runs of these dates: where a step run on its own continues. Dates,
   * not the run id, find it, because the id depends on bronze, which another ingest may have moved
   * since the attempt began; the attempt goes on with the inputs it began with.
   */
  public Optional<RunRecord> latest(LocalDate first, LocalDate last, LocalDate asOf) {
    if (!main.exists(Tables.JOB_RUNS)) {
      return Optional.empty();
    }
    List<Row> rows =
        main.read(Tables.JOB_RUNS)
            .filter(
                col("first_date")
                    .equalTo(Date.valueOf(first))
                    .and(col("last_date").equalTo(Date.valueOf(last)))
                    .and(col("as_of_date").equalTo(Date.valueOf(asOf))))
            .orderBy(desc("finished_at"), desc("attempt"))
            .limit(1)
            .collectAsList();
    return rows.stream().findFirst().map(RunLedger::record);
  }

  /** Whether an attempt of this run published it (a later attempt cannot unpublish it). */
  public Optional<String> publishedBy(String runId) {
    if (!main.exists(Tables.JOB_RUNS)) {
      return Optional.empty();
    }
    List<Row> rows =
        main.read(Tables.JOB_RUNS)
            .filter(
                col("run_id").equalTo(runId).and(col("status").equalTo(RunStatus.PUBLISHED.code())))
            .orderBy(desc("attempt"))
            .select("attempt", "finished_at")
            .limit(1)
            .collectAsList();
    return rows.isEmpty()
        ? Optional.empty()
        : Optional.of(
            "attempt " + rows.get(0).getInt(0) + " at " + rows.get(0).getTimestamp(1).toInstant());
  }

  public void append(RunRecord r) {
    main.ensure(Tables.JOB_RUNS, SCHEMA);
    Row row =
        RowFactory.create(
            r.runId(),
            r.attempt(),
            r.command(),
            r.step(),
            Date.valueOf(r.firstDate()),
            Date.valueOf(r.lastDate()),
            Date.valueOf(r.asOfDate()),
            r.orgs(),
            r.catalog(),
            r.branch(),
            r.status(),
            Timestamp.from(r.startedAt()),
            Timestamp.from(r.finishedAt()),
            r.durationMs(),
            r.rowsRead(),
            r.rowsAccepted(),
            r.rowsQuarantined(),
            r.rowsWritten(),
            r.stagedSnapshots(),
            r.publishedSnapshots(),
            r.silverGate(),
            r.goldGate(),
            r.message(),
            r.heldOrgs());
    TableWrites.append(
        main, Tables.JOB_RUNS, main.spark().createDataFrame(List.of(row), SCHEMA), r.runId());
  }

  private static RunRecord record(Row r) {
    return new RunRecord(
        r.getAs("run_id"),
        r.<Integer>getAs("attempt"),
        r.getAs("command"),
        r.getAs("step"),
        r.<Date>getAs("first_date").toLocalDate(),
        r.<Date>getAs("last_date").toLocalDate(),
        r.<Date>getAs("as_of_date").toLocalDate(),
        r.getList(r.fieldIndex("orgs")),
        list(r, "held_orgs"),
        r.getAs("catalog"),
        r.getAs("branch"),
        r.getAs("status"),
        r.<Timestamp>getAs("started_at").toInstant(),
        r.<Timestamp>getAs("finished_at").toInstant(),
        r.<Long>getAs("rows_read"),
        r.<Long>getAs("rows_accepted"),
        r.<Long>getAs("rows_quarantined"),
        map(r, "rows_written"),
        map(r, "staged_snapshots"),
        map(r, "published_snapshots"),
        r.getAs("silver_gate"),
        r.getAs("gold_gate"),
        r.getAs("message"));
  }

  /** Empty also for a ledger written before the column existed. */
  private static List<String> list(Row row, String column) {
    boolean has = List.of(row.schema().fieldNames()).contains(column);
    return !has || row.isNullAt(row.fieldIndex(column))
        ? List.of()
        : row.getList(row.fieldIndex(column));
  }

  private static Map<String, Long> map(Row row, String column) {
    return row.isNullAt(row.fieldIndex(column)) ? Map.of() : row.getJavaMap(row.fieldIndex(column));
  }
}

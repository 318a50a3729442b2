package io.adlake.catalog.tables;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.adlake.catalog.Lakehouse;
import io.adlake.model.Backoff;
import io.adlake.model.TableSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.iceberg.spark.CommitMetadata;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.LogicalRDD;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces slices of a table keyed by its grain, in one MERGE (one atomic snapshot): rows present
 * in the new data are updated or inserted, and rows of the replaced slices that the new data no
 * longer has are deleted. Rows outside the slices are untouched. Running it twice with the same
 * data leaves the same table.
 *
 * <p>The deletions travel in the MERGE's source as tombstones (the slices' keys the new data
 * lacks), not as a {@code WHEN NOT MATCHED BY SOURCE} clause: with that clause Spark must read, and
 * copy-on-write must rewrite, every file of the table, so each run would cost the whole history.
 * Without it, the slices' condition in the {@code ON} clause prunes the target to the slices'
 * partitions, and runtime filtering to the files that hold a matching key. Keys compare null-safe,
 * so a null in a grain column matches itself.
 *
 * <p>Only column names from {@link TableSpec} and the table's schema, and literals rendered by
 * Spark's own expression printer, reach the SQL text; no user input does.
 */
public final class SliceMerge {
  private static final Logger LOG = LoggerFactory.getLogger(SliceMerge.class);

  private SliceMerge() {}

  /** Tries of a MERGE that another writer's concurrent commit invalidated. */
  static final int CONFLICT_ATTEMPTS = 5;

  /**
   * The source column that marks a tombstone: a key of a replaced slice the new data no longer has.
   */
  private static final String TOMBSTONE = "_adlake_tombstone";

  /**
   * @param rows the new content of the slices, unique on the table's grain
   * @param slices distinct values of the slice columns being replaced (may include slices that are
   *     now empty)
   * @return how many distinct slices were replaced
   */
  public static int merge(
      Lakehouse lakehouse,
      TableSpec table,
      Dataset<Row> rows,
      Dataset<Row> slices,
      String batchId) {
    lakehouse.ensure(table, rows.schema());
    List<Row> sliceValues = slices.distinct().collectAsList();
    if (sliceValues.isEmpty()) {
      return 0;
    }
    List<List<Object>> values = new ArrayList<>();
    for (Row slice : sliceValues) {
      List<Object> row = new ArrayList<>();
      for (int i = 0; i < slice.size(); i++) {
        row.add(slice.get(i));
      }
      values.add(row);
    }
    List<String> sliceColumns = List.of(slices.columns());
    String sliceCondition = SliceFilter.of(sliceColumns, values, "t.").expr().sql();
    String on =
        table.grain().stream()
            .map(c -> "t." + quote(c) + " <=> s." + quote(c))
            .collect(Collectors.joining(" AND "));
    String[] columns = lakehouse.read(table).columns();
    String view = "adlake_merge_" + UUID.randomUUID().toString().replace("-", "");
    String sql =
        "MERGE INTO "
            + lakehouse.name(table)
            + " t USING "
            + view
            + " s ON "
            + on
            + " AND ("
            + sliceCondition
            + ")"
            + " WHEN MATCHED AND s."
            + TOMBSTONE
            + " THEN DELETE"
            + " WHEN MATCHED THEN UPDATE SET "
            + Arrays.stream(columns)
                .map(c -> "t." + quote(c) + " = s." + quote(c))
                .collect(Collectors.joining(", "))
            + " WHEN NOT MATCHED AND NOT s."
            + TOMBSTONE
            + " THEN INSERT ("
            + Arrays.stream(columns).map(SliceMerge::quote).collect(Collectors.joining(", "))
            + ") VALUES ("
            + Arrays.stream(columns).map(c -> "s." + quote(c)).collect(Collectors.joining(", "))
            + ")";
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          source(lakehouse, table, rows, SliceFilter.of(sliceColumns, values, ""))
              .createOrReplaceTempView(view);
          CommitMetadata.withCommitProperties(
              Map.of("adlake.batch-id", batchId),
              () -> {
                lakehouse.spark().sql(sql);
                return null;
              },
              RuntimeException.class);
          return sliceValues.size();
        } catch (RuntimeException failed) {
          // Another process committed files the MERGE may have had to judge (two runs recording
          // their gate
          // results at once). The MERGE replaces its slices whole, so running it again on the new
          // state is right;
          // the tombstones are worked out again from that state.
          if (attempt >= CONFLICT_ATTEMPTS || !ConditionalMerge.concurrentCommit(failed)) {
            throw failed;
          }
          LOG.warn(
              "MERGE into {}: another process committed first (attempt {} of {}), merging again on the new state",
              table.path(),
              attempt,
              CONFLICT_ATTEMPTS);
          Backoff.sleep(
              Backoff.after(
                  attempt, Duration.ofMillis(200), Duration.ofSeconds(5), Optional.empty()));
          lakehouse.spark().catalog().refreshTable(lakehouse.name(table));
        }
      }
    } finally {
      lakehouse.spark().catalog().dropTempView(view);
    }
  }

  /**
   * The new rows, and a tombstone for each key of the slices the table holds and the new rows do
   * not.
   */
  private static Dataset<Row> source(
      Lakehouse lakehouse, TableSpec table, Dataset<Row> rows, Column slices) {
    // The table's side renamed, so the rows may come from the same table (a held org's rows
    // restored from main).
    Dataset<Row> held =
        lakehouse
            .read(table)
            .filter(slices)
            .select(table.grain().stream().map(c -> col(c).as("_t_" + c)).toArray(Column[]::new));
    if (held.isEmpty()) {
      // New slices (a new day, the usual case): nothing to delete, and no join of the new rows to
      // find out.
      return rows.withColumn(TOMBSTONE, lit(false));
    }
    Column same = null;
    for (String c : table.grain()) {
      Column one = col("_t_" + c).eqNullSafe(rows.col(c));
      same = same == null ? one : same.and(one);
    }
    Dataset<Row> gone =
        held.join(rows, same, "left_anti")
            .select(table.grain().stream().map(c -> col("_t_" + c).as(c)).toArray(Column[]::new))
            .withColumn(TOMBSTONE, lit(true));
    return rows.withColumn(TOMBSTONE, lit(false)).unionByName(gone, true);
  }

  /**
   * Checks the rows against the table's grain, then {@link #merge}s the slices. Counts are taken
   * before the MERGE, from the rows and slices as written.
   *
   * <p>The rows are computed once and kept as a local checkpoint, which also cuts their lineage:
   * the count, the grain check and the MERGE then plan over a leaf instead of analysing the whole
   * silver or gold plan again each (in a profile of the demo, analysing plans was 39% of the driver
   * thread's time; this cut its samples by 18%). The price: an executor lost during the call takes
   * its blocks with it and fails the step, which a run's next attempt repeats, instead of Spark
   * recomputing them. The blocks are released when the call ends.
   */
  public static MergedSlices mergeChecked(
      Lakehouse lakehouse,
      TableSpec table,
      Dataset<Row> rows,
      Dataset<Row> slices,
      String batchId) {
    Dataset<Row> cached = rows.localCheckpoint(true);
    try {
      long count = cached.count();
      GrainCheck.require(lakehouse.name(table), cached, table.grain());
      int sliceCount = merge(lakehouse, table, cached, slices, batchId);
      return new MergedSlices(table.path(), sliceCount, count);
    } finally {
      if (cached.queryExecution().analyzed() instanceof LogicalRDD checkpoint) {
        checkpoint.rdd().unpersist(false);
      }
    }
  }

  private static String quote(String column) {
    return "`" + column.replace("`", "``") + "`";
  }
}

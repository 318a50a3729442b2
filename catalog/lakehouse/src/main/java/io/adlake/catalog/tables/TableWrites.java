package io.adlake.catalog.tables;

import io.adlake.catalog.Lakehouse;
import io.adlake.model.TableSpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;

/**
 * Iceberg writes with the batch id stamped on the snapshot ({@code adlake.batch-id} in the snapshot
 * summary), so every commit can be traced to the run that made it.
 */
public final class TableWrites {
  private TableWrites() {}

  public static void append(
      Lakehouse lakehouse, TableSpec table, Dataset<Row> rows, String batchId) {
    try {
      rows.writeTo(lakehouse.name(table))
          .option("snapshot-property.adlake.batch-id", batchId)
          .append();
    } catch (NoSuchTableException e) {
      throw new IllegalStateException(
          "table " + lakehouse.name(table) + " vanished during the run", e);
    }
  }

  /**
   * Atomically deletes the rows matching {@code slices} and appends {@code rows}, in one snapshot.
   * The slice columns must be partition columns of the table, so whole files are replaced.
   */
  public static void overwriteWhere(
      Lakehouse lakehouse, TableSpec table, Dataset<Row> rows, Column slices, String batchId) {
    try {
      rows.writeTo(lakehouse.name(table))
          .option("snapshot-property.adlake.batch-id", batchId)
          .overwrite(slices);
    } catch (NoSuchTableException e) {
      throw new IllegalStateException(
          "table " + lakehouse.name(table) + " vanished during the run", e);
    }
  }
}

package io.adlake.jobs.cli;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The rows of an ops table a command lists, as records: those holding each value the command line
 * names (an org, a status, an action, a run), in the listing's order. Every listing filters, orders
 * and reads its table this way.
 */
final class OpsTableQuery {

  private final Dataset<Row> rows;

  private OpsTableQuery(Dataset<Row> rows) {
    this.rows = rows;
  }

  static OpsTableQuery of(Dataset<Row> table) {
    return new OpsTableQuery(table);
  }

  /**
   * Only the rows whose column holds this value; a null value is an option not given, and keeps
   * every row.
   */
  OpsTableQuery where(String column, String value) {
    return value == null ? this : new OpsTableQuery(rows.filter(col(column).equalTo(value)));
  }

  /**
   * The first {@code limit} rows in this order; one more is read to tell whether more matched. A
   * negative limit shows none, as {@code Dataset.show} did, and the largest int one fewer, so the
   * one more is still an int.
   */
  <T> Page<T> page(int limit, Function<Row, T> record, Column... order) {
    int shown = Math.max(0, Math.min(limit, Integer.MAX_VALUE - 1));
    List<Row> read = rows.orderBy(order).limit(shown + 1).collectAsList();
    return new Page<>(read.stream().limit(shown).map(record).toList(), shown, read.size() > shown);
  }

  /** Every matching row in this order. */
  <T> List<T> all(Function<Row, T> record, Column... order) {
    return rows.orderBy(order).collectAsList().stream().map(record).toList();
  }
}

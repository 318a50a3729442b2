package io.adlake.catalog.tables;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Uniqueness on exactly a table's grain columns. A null in a grain column counts as a value, so two
 * rows with the same keys and a null advertiser are duplicates too.
 */
public final class GrainCheck {
  private GrainCheck() {}

  private static final int EXAMPLES = 5;

  public static Optional<GrainViolation> check(
      String table, Dataset<Row> rows, List<String> grain) {
    Column[] keys = grain.stream().map(c -> col(c)).toArray(Column[]::new);
    Dataset<Row> repeated =
        rows.groupBy(keys).agg(count(lit(1)).as("_n")).filter(col("_n").gt(1)).cache();
    try {
      long duplicates = repeated.count();
      if (duplicates == 0) {
        return Optional.empty();
      }
      List<String> examples =
          repeated.limit(EXAMPLES).collectAsList().stream().map(Row::toString).toList();
      return Optional.of(new GrainViolation(table, grain, duplicates, examples));
    } finally {
      repeated.unpersist();
    }
  }

  /**
   * Throws when the grain is not unique: used before a write, so duplicates never reach a table.
   */
  public static void require(String table, Dataset<Row> rows, List<String> grain) {
    check(table, rows, grain)
        .ifPresent(
            v -> {
              throw new GrainViolationException(v);
            });
  }

  public static final class GrainViolationException extends RuntimeException {
    private final GrainViolation violation;

    public GrainViolationException(GrainViolation violation) {
      super(violation.message());
      this.violation = violation;
    }

    public GrainViolation violation() {
      return violation;
    }
  }
}

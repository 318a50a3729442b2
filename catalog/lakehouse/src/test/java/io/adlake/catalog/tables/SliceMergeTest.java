package io.adlake.catalog.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.SharedSpark;
import io.adlake.model.TableSpec;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class SliceMergeTest {
  private static final TableSpec DAILY =
      new TableSpec(
          "silver", "daily", List.of("org_id", "day", "entity_id"), List.of("day"), "a test table");
  private static final StructType SCHEMA =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("day", DataTypes.DateType)
          .add("entity_id", DataTypes.StringType)
          .add("spend", DataTypes.LongType);
  private static final StructType SLICE =
      new StructType().add("org_id", DataTypes.StringType).add("day", DataTypes.DateType);

  @Test
  void aSliceIsReplacedWholeAndNothingElseIsReadOrRewritten(Lakehouse lakehouse) {
    SliceMerge.merge(
        lakehouse,
        DAILY,
        rows(
            lakehouse,
            row("acme", "2026-11-01", "a", 1),
            row("acme", "2026-11-02", "a", 2),
            row("acme", "2026-11-02", "b", 3),
            row("kiwi", "2026-11-02", "a", 4),
            row("acme", "2026-11-02", null, 5)),
        slices(
            lakehouse,
            slice("acme", "2026-11-01"),
            slice("acme", "2026-11-02"),
            slice("kiwi", "2026-11-02")),
        "first");

    // acme's 2 Nov again: a changes, b is gone, c is new, the null key matches itself; kiwi and 1
    // Nov stay.
    SliceMerge.merge(
        lakehouse,
        DAILY,
        rows(
            lakehouse,
            row("acme", "2026-11-02", "a", 20),
            row("acme", "2026-11-02", "c", 30),
            row("acme", "2026-11-02", null, 50)),
        slices(lakehouse, slice("acme", "2026-11-02")),
        "second");

    assertThat(lakehouse.read(DAILY).orderBy("day", "org_id", "entity_id").collectAsList())
        .extracting(Row::toString)
        .containsExactly(
            "[acme,2026-11-01,a,1]",
            "[acme,2026-11-02,null,50]",
            "[acme,2026-11-02,a,20]",
            "[acme,2026-11-02,c,30]",
            "[kiwi,2026-11-02,a,4]");
    Snapshot second = lakehouse.table(DAILY).currentSnapshot();
    assertThat(second.summary())
        .containsEntry("changed-partition-count", "1")
        .containsEntry("deleted-records", "4");

    // An empty slice deletes its rows; a slice the table never had changes nothing.
    SliceMerge.merge(
        lakehouse,
        DAILY,
        rows(lakehouse),
        slices(lakehouse, slice("kiwi", "2026-11-02"), slice("zeta", "2026-11-02")),
        "third");
    assertThat(lakehouse.read(DAILY).filter("org_id = 'kiwi'").count()).isZero();
    assertThat(lakehouse.read(DAILY).count()).isEqualTo(4);
    assertThat(lakehouse.table(DAILY).currentSnapshot().summary())
        .containsEntry("adlake.batch-id", "third");

    // The same merge twice leaves the same table.
    Dataset<Row> again = rows(lakehouse, row("acme", "2026-11-01", "a", 1));
    SliceMerge.merge(
        lakehouse, DAILY, again, slices(lakehouse, slice("acme", "2026-11-01")), "fourth");
    SliceMerge.merge(
        lakehouse, DAILY, again, slices(lakehouse, slice("acme", "2026-11-01")), "fifth");
    assertThat(lakehouse.read(DAILY).count()).isEqualTo(4);
    assertThat(Map.copyOf(lakehouse.table(DAILY).currentSnapshot().summary()))
        .containsEntry("changed-partition-count", "1");
  }

  @Test
  void aCheckedMergeCountsWhatItWroteRefusesADuplicateKeyAndKeepsNoBlocks(Lakehouse lakehouse) {
    int persistedBefore = lakehouse.spark().sparkContext().getPersistentRDDs().size();
    MergedSlices merged =
        SliceMerge.mergeChecked(
            lakehouse,
            DAILY,
            rows(
                lakehouse,
                row("acme", "2026-11-01", "a", 1),
                row("acme", "2026-11-01", "b", 2),
                row("kiwi", "2026-11-01", "a", 3)),
            slices(lakehouse, slice("acme", "2026-11-01"), slice("kiwi", "2026-11-01")),
            "checked");
    assertThat(merged.rows()).isEqualTo(3);
    assertThat(merged.slices()).isEqualTo(2);

    Dataset<Row> twice =
        rows(lakehouse, row("acme", "2026-11-01", "a", 10), row("acme", "2026-11-01", "a", 11));
    assertThatThrownBy(
            () ->
                SliceMerge.mergeChecked(
                    lakehouse,
                    DAILY,
                    twice,
                    slices(lakehouse, slice("acme", "2026-11-01")),
                    "duplicate"))
        .isInstanceOf(GrainCheck.GrainViolationException.class);
    // The refused rows never reached the table, and neither call left its checkpoint behind.
    assertThat(lakehouse.read(DAILY).filter("spend >= 10").count()).isZero();
    assertThat(lakehouse.spark().sparkContext().getPersistentRDDs().size())
        .isEqualTo(persistedBefore);
  }

  private static Dataset<Row> rows(Lakehouse lakehouse, Row... rows) {
    return lakehouse.spark().createDataFrame(List.of(rows), SCHEMA);
  }

  private static Dataset<Row> slices(Lakehouse lakehouse, Row... slices) {
    return lakehouse.spark().createDataFrame(List.of(slices), SLICE);
  }

  private static Row row(String org, String day, String entity, long spend) {
    return RowFactory.create(org, Date.valueOf(day), entity, spend);
  }

  private static Row slice(String org, String day) {
    return RowFactory.create(org, Date.valueOf(day));
  }
}

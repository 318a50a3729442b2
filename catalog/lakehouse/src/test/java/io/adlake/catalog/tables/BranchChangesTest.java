package io.adlake.catalog.tables;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.SharedSpark;
import io.adlake.model.TableSpec;
import java.sql.Date;
import java.util.List;
import java.util.Optional;
import org.apache.iceberg.Table;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class BranchChangesTest {
  private static final StructType SCHEMA =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("day", DataTypes.DateType)
          .add("entity_id", DataTypes.StringType)
          .add("spend", DataTypes.LongType);

  @Test
  void theDaysABranchRewroteAreWhatChangedAndNothingElse(Lakehouse lakehouse) {
    TableSpec daily =
        new TableSpec(
            "silver",
            "changes_daily",
            List.of("org_id", "day", "entity_id"),
            List.of("day"),
            "a test table");
    merge(
        lakehouse,
        daily,
        "main-1",
        row("acme", "2026-11-01", "a", 1),
        row("acme", "2026-11-02", "a", 2),
        row("kiwi", "2026-11-03", "a", 3));
    Table table = lakehouse.table(daily);
    long main = table.currentSnapshot().snapshotId();
    table.manageSnapshots().createBranch("run-1", main).commit();

    assertThat(since(lakehouse, daily, "run-1", main))
        .as("a branch nothing was written to")
        .hasValueSatisfying(c -> assertThat(matching(lakehouse, daily, c)).isEmpty());

    // The run restates acme's 2 Nov (a file removed, one added) and adds 4 Nov, in two commits on
    // its branch.
    lakehouse.spark().conf().set("spark.wap.branch", "run-1");
    try {
      merge(lakehouse, daily, "run-a", row("acme", "2026-11-02", "a", 20));
      merge(lakehouse, daily, "run-b", row("kiwi", "2026-11-04", "b", 4));
    } finally {
      lakehouse.spark().conf().unset("spark.wap.branch");
    }
    Optional<Column> changed = since(lakehouse, daily, "run-1", main);
    assertThat(changed).isPresent();
    // Read from the branch: its 2 Nov and 4 Nov, and neither 1 Nov nor 3 Nov (untouched since
    // main).
    Dataset<Row> branchRows =
        lakehouse.spark().read().option("branch", "run-1").table(lakehouse.name(daily));
    assertThat(branchRows.filter(changed.get()).orderBy("day").collectAsList())
        .extracting(Row::toString)
        .containsExactly("[acme,2026-11-02,a,20]", "[kiwi,2026-11-04,b,4]");
  }

  @Test
  void theWholeTableIsJudgedWhenTheChangeCannotBeToldFromPartitions(Lakehouse lakehouse) {
    TableSpec unpartitioned =
        new TableSpec(
            "silver",
            "changes_flat",
            List.of("org_id", "day", "entity_id"),
            List.of(),
            "a test table");
    merge(lakehouse, unpartitioned, "one", row("acme", "2026-11-01", "a", 1));
    long first = lakehouse.table(unpartitioned).currentSnapshot().snapshotId();
    merge(lakehouse, unpartitioned, "two", row("acme", "2026-11-01", "a", 2));
    assertThat(since(lakehouse, unpartitioned, "main", first)).as("no partitions").isEmpty();

    TableSpec offGrain =
        new TableSpec(
            "silver",
            "changes_off_grain",
            List.of("org_id", "entity_id"),
            List.of("day"),
            "a test table");
    merge(lakehouse, offGrain, "one", row("acme", "2026-11-01", "a", 1));
    long before = lakehouse.table(offGrain).currentSnapshot().snapshotId();
    merge(lakehouse, offGrain, "two", row("acme", "2026-11-02", "b", 2));
    assertThat(since(lakehouse, offGrain, "main", before))
        .as("a partition column outside the grain: a key can repeat across days")
        .isEmpty();

    TableSpec daily =
        new TableSpec(
            "silver",
            "changes_moved",
            List.of("org_id", "day", "entity_id"),
            List.of("day"),
            "a test table");
    merge(lakehouse, daily, "one", row("acme", "2026-11-01", "a", 1));
    Table table = lakehouse.table(daily);
    long branchPoint = table.currentSnapshot().snapshotId();
    table.manageSnapshots().createBranch("run-2", branchPoint).commit();
    merge(lakehouse, daily, "main moves on", row("acme", "2026-11-05", "a", 5));
    long mainNow = lakehouse.table(daily).currentSnapshot().snapshotId();
    assertThat(since(lakehouse, daily, "run-2", mainNow))
        .as("main is not an ancestor of the branch head")
        .isEmpty();
    assertThat(since(lakehouse, daily, "run-2", null)).as("main has no snapshot").isEmpty();
  }

  private static Optional<Column> since(
      Lakehouse lakehouse, TableSpec spec, String branch, Long base) {
    Table table = lakehouse.table(spec);
    table.refresh();
    return BranchChanges.since(spec, table, table.refs().get(branch).snapshotId(), base);
  }

  private static List<Row> matching(Lakehouse lakehouse, TableSpec spec, Column condition) {
    return lakehouse.read(spec).filter(condition).collectAsList();
  }

  private static void merge(Lakehouse lakehouse, TableSpec spec, String batch, Row... rows) {
    Dataset<Row> data = lakehouse.spark().createDataFrame(List.of(rows), SCHEMA);
    SliceMerge.merge(lakehouse, spec, data, data.select("org_id", "day").distinct(), batch);
  }

  private static Row row(String org, String day, String entity, long spend) {
    return RowFactory.create(org, Date.valueOf(day), entity, spend);
  }
}

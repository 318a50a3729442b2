package io.adlake.catalog.tables;

import static org.apache.spark.sql.functions.lit;

import io.adlake.catalog.Lakehouse;
import io.adlake.model.TableSpec;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.iceberg.ContentFile;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotChanges;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.spark.sql.Column;

/**
 * The rows a branch changed since it left main, as a condition on the table's partition columns:
 * the partitions of every data or delete file that a snapshot between main and the branch head
 * added or removed. A gate judges those partitions only; the others are the rows main already
 * holds, judged by the run that published them.
 *
 * <p>That is only sound when two rows in different partitions can never share a grain key, so
 * uniqueness checked partition by partition is uniqueness of the table: the partition columns must
 * be grain columns. Otherwise, and whenever the change cannot be told from the metadata (no
 * partitions, main not an ancestor of the branch head, a file of an older partition spec, a
 * partition type without a literal here), the answer is "the whole table".
 */
public final class BranchChanges {
  private BranchChanges() {}

  /**
   * The changed rows of a table between a ref of one view of the catalog and main of another: the
   * run's branch and main of the same catalog (Iceberg table branches), or main of the run's Nessie
   * ref and main of the catalog. A table the branch does not have matches no rows.
   */
  public static Optional<Column> between(
      TableSpec spec, Lakehouse branchSide, String headRef, Lakehouse mainSide) {
    Long head = branchSide.snapshotId(spec, headRef);
    if (head == null) {
      return Optional.of(lit(false));
    }
    return since(
        spec, branchSide.table(spec), head, mainSide.snapshotId(spec, SnapshotRef.MAIN_BRANCH));
  }

  /**
   * @param table the table as the branch sees it (its metadata holds the branch head's ancestry)
   * @param head the branch head's snapshot
   * @param base main's snapshot when the branch was compared, or null when main has none
   * @return the condition matching the changed partitions (never true when nothing changed); empty
   *     for "judge the whole table"
   */
  public static Optional<Column> since(TableSpec spec, Table table, long head, Long base) {
    PartitionSpec partitioning = table.spec();
    if (base == null || partitioning.isUnpartitioned() || !identityOnGrain(spec, partitioning)) {
      return Optional.empty();
    }
    Set<List<Object>> changed = new LinkedHashSet<>();
    Snapshot snapshot = table.snapshot(head);
    while (snapshot != null && snapshot.snapshotId() != base) {
      // SnapshotChanges reads the manifests with the table's specs (Snapshot.addedDataFiles(io) is
      // deprecated and
      // warns once per manifest).
      SnapshotChanges changes = SnapshotChanges.builderFor(table).snapshot(snapshot).build();
      for (Iterable<? extends ContentFile<?>> files :
          List.of(
              changes.addedDataFiles(),
              changes.removedDataFiles(),
              changes.addedDeleteFiles(),
              changes.removedDeleteFiles())) {
        for (ContentFile<?> file : files) {
          if (file.specId() != partitioning.specId()) {
            return Optional.empty();
          }
          Optional<List<Object>> values = values(partitioning, file.partition());
          if (values.isEmpty()) {
            return Optional.empty();
          }
          changed.add(values.get());
        }
      }
      snapshot = snapshot.parentId() == null ? null : table.snapshot(snapshot.parentId());
    }
    if (snapshot == null) {
      // The walk from the head never met main's snapshot: main moved, or history was expired.
      return Optional.empty();
    }
    if (changed.isEmpty()) {
      return Optional.of(lit(false));
    }
    List<String> columns =
        partitioning.fields().stream()
            .map(f -> table.schema().findColumnName(f.sourceId()))
            .toList();
    return Optional.of(SliceFilter.of(columns, new ArrayList<>(changed), ""));
  }

  private static boolean identityOnGrain(TableSpec spec, PartitionSpec partitioning) {
    for (PartitionField field : partitioning.fields()) {
      if (!field.transform().isIdentity()) {
        return false;
      }
    }
    return spec.grain().containsAll(spec.partitionBy())
        && partitioning.fields().size() == spec.partitionBy().size();
  }

  /** A file's partition as Spark literals; empty for a type this does not render. */
  private static Optional<List<Object>> values(PartitionSpec partitioning, StructLike partition) {
    Types.StructType type = partitioning.partitionType();
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < type.fields().size(); i++) {
      Type.TypeID id = type.fields().get(i).type().typeId();
      Object value = partition.get(i, Object.class);
      if (value == null) {
        return Optional.empty();
      }
      switch (id) {
        // Iceberg keeps a date partition as days since the epoch.
        case DATE -> values.add(Date.valueOf(LocalDate.ofEpochDay((Integer) value)));
        case STRING -> values.add(value.toString());
        case INTEGER, LONG, BOOLEAN -> values.add(value);
        default -> {
          return Optional.empty();
        }
      }
    }
    return Optional.of(values);
  }
}

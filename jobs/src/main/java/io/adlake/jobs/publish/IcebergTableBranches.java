package io.adlake.jobs.publish;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.tables.BranchChanges;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.util.SnapshotUtil;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Write-audit-publish on a catalog without multi-table commits (the embedded JDBC catalog): each
 * silver and gold table gets an Iceberg branch named after the run, {@code spark.wap.branch} sends
 * the run's writes there and its reads of those tables too, and the publish fast-forwards each
 * table's main to its branch.
 *
 * <p>The publish first checks every table (main must be an ancestor of the branch head), and moves
 * none if one has moved on; then fast-forwards them one by one. Iceberg commits per table, so a
 * writer that commits between the check and the last fast-forward leaves the run {@link
 * PublishResult.Outcome#PARTIALLY_PUBLISHED}; rerunning the date redoes it on the new main. Nessie
 * ({@link NessieRunBranch}) has no such window.
 */
public final class IcebergTableBranches implements WriteAuditPublish {

  static final String WAP_BRANCH = "spark.wap.branch";

  /** A kept branch (failed gate, main moved) is removed by snapshot expiry after this. */
  static final Duration BRANCH_RETENTION = Duration.ofDays(14);

  private final Lakehouse lakehouse;
  private final String branch;
  private final String previousWapBranch;

  private IcebergTableBranches(Lakehouse lakehouse, String branch) {
    this.lakehouse = lakehouse;
    this.branch = branch;
    this.previousWapBranch = lakehouse.spark().conf().getOption(WAP_BRANCH).getOrElse(() -> null);
    lakehouse.spark().conf().set(WAP_BRANCH, branch);
  }

  /**
   * Starts a run: each existing table gets the branch at its current main. A branch left by an
   * earlier attempt of the same run is dropped first: what it holds was never audited, or is
   * already on main.
   */
  public static IcebergTableBranches begin(Lakehouse lakehouse, String branch) {
    for (TableSpec spec : Tables.PUBLISHED) {
      if (!lakehouse.exists(spec)) {
        continue;
      }
      Table table = lakehouse.table(spec);
      table.refresh();
      if (table.refs().containsKey(branch)) {
        table.manageSnapshots().removeBranch(branch).commit();
      }
      Snapshot main = table.currentSnapshot();
      if (main != null) {
        table
            .manageSnapshots()
            .createBranch(branch, main.snapshotId())
            .setMaxRefAgeMs(branch, BRANCH_RETENTION.toMillis())
            .commit();
      }
    }
    return new IcebergTableBranches(lakehouse, branch);
  }

  /** Opens the branch of an earlier run as it is, to publish or inspect it. */
  public static IcebergTableBranches open(Lakehouse lakehouse, String branch) {
    return new IcebergTableBranches(lakehouse, branch);
  }

  @Override
  public String branch() {
    return branch;
  }

  @Override
  public Lakehouse staged() {
    return lakehouse;
  }

  @Override
  public Optional<Dataset<Row>> mainRows(TableSpec spec) {
    if (!lakehouse.exists(spec)) {
      return Optional.empty();
    }
    Table table = lakehouse.table(spec);
    table.refresh();
    if (table.currentSnapshot() == null) {
      return Optional.empty();
    }
    // Named explicitly: with spark.wap.branch set, a plain read of a write-audit-publish table
    // reads the branch.
    return Optional.of(
        lakehouse
            .spark()
            .read()
            .option("branch", SnapshotRef.MAIN_BRANCH)
            .table(lakehouse.name(spec)));
  }

  @Override
  public Optional<Column> changedRows(TableSpec spec) {
    return BranchChanges.between(spec, lakehouse, branch, lakehouse);
  }

  @Override
  public Map<String, Long> stagedSnapshots() {
    return lakehouse.snapshotIds(Tables.PUBLISHED, branch);
  }

  @Override
  public PublishResult publish() {
    Map<TableSpec, Long> moves = new LinkedHashMap<>();
    List<String> conflicts = new ArrayList<>();
    Map<String, Long> mainAfter = new LinkedHashMap<>();
    for (TableSpec spec : Tables.PUBLISHED) {
      if (!lakehouse.exists(spec)) {
        continue;
      }
      Table table = lakehouse.table(spec);
      table.refresh();
      SnapshotRef head = table.refs().get(branch);
      if (head == null) {
        continue;
      }
      Snapshot main = table.currentSnapshot();
      if (main != null && main.snapshotId() == head.snapshotId()) {
        mainAfter.put(spec.path(), main.snapshotId());
      } else if (main == null
          || SnapshotUtil.isAncestorOf(table, head.snapshotId(), main.snapshotId())) {
        moves.put(spec, head.snapshotId());
      } else {
        conflicts.add(
            spec.path()
                + ": main is at snapshot "
                + main.snapshotId()
                + ", which the run's branch does not build on");
      }
    }
    if (!conflicts.isEmpty()) {
      return new PublishResult(
          PublishResult.Outcome.MAIN_MOVED,
          List.of(),
          conflicts,
          mainAfter,
          "main moved during the run; nothing published");
    }
    if (moves.isEmpty()) {
      return new PublishResult(
          PublishResult.Outcome.ALREADY_PUBLISHED,
          List.of(),
          List.of(),
          mainAfter,
          "main already shows branch " + branch);
    }
    List<String> published = new ArrayList<>();
    for (Map.Entry<TableSpec, Long> move : moves.entrySet()) {
      TableSpec spec = move.getKey();
      try {
        fastForward(lakehouse.table(spec), move.getValue());
      } catch (ValidationException moved) {
        conflicts.add(spec.path() + ": " + moved.getMessage());
        return new PublishResult(
            published.isEmpty()
                ? PublishResult.Outcome.MAIN_MOVED
                : PublishResult.Outcome.PARTIALLY_PUBLISHED,
            published,
            conflicts,
            mainAfter,
            "main moved while publishing");
      }
      published.add(spec.path());
      mainAfter.put(spec.path(), move.getValue());
    }
    return new PublishResult(
        PublishResult.Outcome.PUBLISHED,
        published,
        List.of(),
        mainAfter,
        published.size() + " table(s) fast-forwarded to branch " + branch);
  }

  /**
   * Moves main to the branch head only if main is still its ancestor (Iceberg re-validates on every
   * retry). When the catalog cannot tell whether the commit landed, the table is read again: main
   * at the head means it did.
   */
  private void fastForward(Table table, long head) {
    try {
      if (table.currentSnapshot() == null) {
        table.manageSnapshots().setCurrentSnapshot(head).commit();
      } else {
        table.manageSnapshots().fastForwardBranch(SnapshotRef.MAIN_BRANCH, branch).commit();
      }
    } catch (CommitStateUnknownException unknown) {
      table.refresh();
      Snapshot main = table.currentSnapshot();
      if (main == null || main.snapshotId() != head) {
        throw unknown;
      }
    }
  }

  @Override
  public void close() {
    if (previousWapBranch == null) {
      lakehouse.spark().conf().unset(WAP_BRANCH);
    } else {
      lakehouse.spark().conf().set(WAP_BRANCH, previousWapBranch);
    }
  }
}

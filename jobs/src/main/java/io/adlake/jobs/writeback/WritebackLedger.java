package io.adlake.jobs.writeback;

import static org.apache.spark.sql.functions.col;

import io.adlake.catalog.Lakehouse;
import io.adlake.model.Tables;
import io.adlake.catalog.tables.SliceMerge;
import io.adlake.catalog.tables.TableWrites;
import io.adlake.catalog.tables.GrainCheck;
import io.adlake.transforms.writeback.WritebackActions;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * {@code ops.writeback_actions} and {@code ops.audit_log}: reads actions, writes changed ones by a MERGE on the
 * action id (Iceberg refuses it if another writer committed meanwhile, rather than losing that), and appends audit
 * rows. Nothing here ever deletes or rewrites an audit row.
 */
public final class WritebackLedger {
  private final Lakehouse lakehouse;

  public WritebackLedger(Lakehouse lakehouse) {
    this.lakehouse = lakehouse;
  }

  public Lakehouse lakehouse() {
    return lakehouse;
  }

  public Dataset<Row> actions() {
    return lakehouse.exists(Tables.WRITEBACK_ACTIONS)
        ? lakehouse.read(Tables.WRITEBACK_ACTIONS)
        : lakehouse.spark().createDataFrame(List.of(), WritebackActions.SCHEMA);
  }

  public Dataset<Row> auditLog() {
    return lakehouse.exists(Tables.AUDIT_LOG) ? lakehouse.read(Tables.AUDIT_LOG) : lakehouse.spark().createDataFrame(List.of(), WritebackActions.AUDIT_SCHEMA);
  }

  public Optional<WritebackAction> find(String actionId) {
    List<Row> found = actions().filter(col("action_id").equalTo(actionId)).collectAsList();
    return found.isEmpty() ? Optional.empty() : Optional.of(WritebackAction.fromRow(found.get(0)));
  }

  /** Writes these actions' new state and their audit events: the audit first, so no state change goes unrecorded. */
  public void record(List<WritebackAction> actions, List<AuditEvent> audit, String batchId) {
    if (!audit.isEmpty()) {
      lakehouse.ensure(Tables.AUDIT_LOG, WritebackActions.AUDIT_SCHEMA);
      List<Row> rows = audit.stream().map(WritebackLedger::auditRow).toList();
      TableWrites.append(lakehouse, Tables.AUDIT_LOG, lakehouse.spark().createDataFrame(rows, WritebackActions.AUDIT_SCHEMA), batchId);
    }
    if (!actions.isEmpty()) {
      lakehouse.ensure(Tables.WRITEBACK_ACTIONS, WritebackActions.SCHEMA);
      Dataset<Row> rows = lakehouse.spark().createDataFrame(actions.stream().map(WritebackAction::toRow).toList(), WritebackActions.SCHEMA);
      GrainCheck.require(Tables.WRITEBACK_ACTIONS.path(), rows, Tables.WRITEBACK_ACTIONS.grain());
      SliceMerge.merge(lakehouse, Tables.WRITEBACK_ACTIONS, rows, rows.select("action_id"), batchId);
    }
  }

  /** One audit row about an action. */
  private static Row auditRow(AuditEvent e) {
    WritebackAction action = e.action();
    WritebackAction.Target target = action.target();
    return RowFactory.create(
        UUID.randomUUID().toString(),
        Timestamp.from(e.at()),
        e.actor(),
        action.actionId(),
        target.orgId(),
        target.platform().code(),
        target.entityType(),
        target.entityId(),
        action.describeChange(),
        e.event(),
        e.attempt(),
        e.dryRun(),
        e.before() == null ? null : e.before().toJson(),
        e.after() == null ? null : e.after().toJson(),
        e.outcome(),
        e.message());
  }
}

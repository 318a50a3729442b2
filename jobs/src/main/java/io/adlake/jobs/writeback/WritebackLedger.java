package io.adlake.jobs.writeback;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.tables.ConditionalMerge;
import io.adlake.catalog.tables.GrainCheck;
import io.adlake.catalog.tables.SliceMerge;
import io.adlake.catalog.tables.TableWrites;
import io.adlake.model.Tables;
import io.adlake.transforms.writeback.WritebackActions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * {@code ops.writeback_actions} and {@code ops.audit_log}: reads actions, writes changed ones by a
 * MERGE on the action id (Iceberg refuses it if another writer committed meanwhile, rather than
 * losing that), and appends audit rows. Nothing here ever deletes or rewrites an audit row.
 */
public final class WritebackLedger {
  private static final String PRIOR_STATUS = "_prior_status";
  private static final String PRIOR_ATTEMPTS = "_prior_attempts";
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
    return lakehouse.exists(Tables.AUDIT_LOG)
        ? lakehouse.read(Tables.AUDIT_LOG)
        : lakehouse.spark().createDataFrame(List.of(), WritebackActions.AUDIT_SCHEMA);
  }

  public Optional<WritebackAction> find(String actionId) {
    List<Row> found = actions().filter(col("action_id").equalTo(actionId)).collectAsList();
    return found.isEmpty() ? Optional.empty() : Optional.of(WritebackAction.fromRow(found.get(0)));
  }

  /**
   * Writes these actions' new state and their audit events: the audit first, so no state change
   * goes unrecorded.
   */
  public void record(List<WritebackAction> actions, List<AuditEvent> audit, String batchId) {
    if (!audit.isEmpty()) {
      lakehouse.ensure(Tables.AUDIT_LOG, WritebackActions.AUDIT_SCHEMA);
      List<Row> rows = audit.stream().map(WritebackLedger::auditRow).toList();
      TableWrites.append(
          lakehouse,
          Tables.AUDIT_LOG,
          lakehouse.spark().createDataFrame(rows, WritebackActions.AUDIT_SCHEMA),
          batchId);
    }
    if (!actions.isEmpty()) {
      lakehouse.ensure(Tables.WRITEBACK_ACTIONS, WritebackActions.SCHEMA);
      Dataset<Row> rows =
          lakehouse
              .spark()
              .createDataFrame(
                  actions.stream().map(WritebackAction::toRow).toList(), WritebackActions.SCHEMA);
      GrainCheck.require(Tables.WRITEBACK_ACTIONS.path(), rows, Tables.WRITEBACK_ACTIONS.grain());
      SliceMerge.merge(
          lakehouse, Tables.WRITEBACK_ACTIONS, rows, rows.select("action_id"), batchId);
    }
  }

  /**
   * Claims an action for one execution attempt: its row becomes {@code executing} only if it is
   * still as {@code asRead} shows it (same status, same attempts), in one conditional MERGE. Of two
   * executes that read the same action, one commits first; the other's MERGE then finds the row
   * changed and updates nothing, or, when both commit at once, Iceberg refuses the second (it
   * rewrote the file the first replaced). Not retried: the row is read again and the claim is this
   * process's only if the row now is {@code claimed} itself.
   *
   * @return true when this process holds the attempt and may call the platform
   */
  public boolean claim(WritebackAction asRead, WritebackAction claimed) {
    lakehouse.ensure(Tables.WRITEBACK_ACTIONS, WritebackActions.SCHEMA);
    Dataset<Row> source =
        lakehouse
            .spark()
            .createDataFrame(List.of(claimed.toRow()), WritebackActions.SCHEMA)
            .withColumn(PRIOR_STATUS, lit(asRead.status().code()))
            .withColumn(PRIOR_ATTEMPTS, lit(asRead.execution().attempts()));
    ConditionalMerge.apply(
        lakehouse,
        Tables.WRITEBACK_ACTIONS,
        source,
        List.of("action_id"),
        "t.status = s." + PRIOR_STATUS + " AND t.attempts = s." + PRIOR_ATTEMPTS,
        List.of(),
        false);
    return find(claimed.actionId()).map(now -> now.isSameClaim(claimed)).orElse(false);
  }

  /**
   * Records that a principal asked to act as someone else and was refused, against each action it
   * named or would have taken: the audit log shows who tried, as whom, and on what.
   */
  public void recordRefusal(
      List<WritebackAction> actions, ImpersonationRefused refusal, Instant at) {
    Actor tried = Actor.of(refusal.authenticatedAs());
    List<AuditEvent> audit =
        actions.stream()
            .map(
                a ->
                    AuditEvent.of(a, "impersonation_refused", tried, at)
                        .withOutcome("refused", refusal.getMessage()))
            .toList();
    record(List.of(), audit, "writeback-refused-" + at.toEpochMilli());
  }

  /** One audit row about an action. */
  private static Row auditRow(AuditEvent e) {
    WritebackAction action = e.action();
    WritebackAction.Target target = action.target();
    return RowFactory.create(
        UUID.randomUUID().toString(),
        Timestamp.from(e.at()),
        e.actor().name(),
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
        e.message(),
        e.actor().authenticatedAs());
  }
}

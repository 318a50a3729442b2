package io.adlake.jobs.writeback;

import static org.apache.spark.sql.functions.col;

import io.adlake.catalog.Lakehouse;
import io.adlake.model.Tables;
import io.adlake.jobs.tables.SliceMerge;
import io.adlake.jobs.tables.TableWrites;
import io.adlake.quality.GrainCheck;
import io.adlake.transforms.writeback.ActionStatus;
import io.adlake.transforms.writeback.WritebackActions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;

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

  public Optional<Row> find(String actionId) {
    List<Row> found = actions().filter(col("action_id").equalTo(actionId)).collectAsList();
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Writes these actions' new state and their audit rows: the audit first, so no state change goes unrecorded. */
  public void record(List<Row> actions, List<Row> audit, String batchId) {
    if (!audit.isEmpty()) {
      lakehouse.ensure(Tables.AUDIT_LOG, WritebackActions.AUDIT_SCHEMA);
      TableWrites.append(lakehouse, Tables.AUDIT_LOG, lakehouse.spark().createDataFrame(audit, WritebackActions.AUDIT_SCHEMA), batchId);
    }
    if (!actions.isEmpty()) {
      lakehouse.ensure(Tables.WRITEBACK_ACTIONS, WritebackActions.SCHEMA);
      Dataset<Row> rows = lakehouse.spark().createDataFrame(actions, WritebackActions.SCHEMA);
      GrainCheck.require(Tables.WRITEBACK_ACTIONS.path(), rows, Tables.WRITEBACK_ACTIONS.grain());
      SliceMerge.merge(lakehouse, Tables.WRITEBACK_ACTIONS, rows, rows.select("action_id"), batchId);
    }
  }

  /** The action with these columns changed (and updated_at moved on). */
  static Row with(Row action, Map<String, Object> changes, Instant at) {
    if (changes.containsKey("status")) {
      ActionStatus from = ActionStatus.ofCode(action.getAs("status"));
      ActionStatus to = ActionStatus.ofCode((String) changes.get("status"));
      if (!from.canBecome(to)) {
        throw new IllegalStateException("write-back action " + action.getAs("action_id") + " cannot go from " + from.code() + " to " + to.code());
      }
    }
    StructType schema = WritebackActions.SCHEMA;
    Object[] values = new Object[schema.size()];
    for (int i = 0; i < values.length; i++) {
      String name = schema.fieldNames()[i];
      values[i] = changes.containsKey(name) ? changes.get(name) : action.getAs(name);
    }
    values[schema.fieldIndex("updated_at")] = Timestamp.from(at);
    return new GenericRowWithSchema(values, schema);
  }

  /** One audit row about an action. */
  static Row audit(AuditEvent e) {
    Row action = e.action();
    return RowFactory.create(
        UUID.randomUUID().toString(),
        Timestamp.from(e.at()),
        e.actor(),
        action.getAs("action_id"),
        action.getAs("org_id"),
        action.getAs("platform"),
        action.getAs("entity_type"),
        action.getAs("entity_id"),
        describeChange(action),
        e.event(),
        e.attempt(),
        e.dryRun(),
        e.before() == null ? null : e.before().toJson(),
        e.after() == null ? null : e.after().toJson(),
        e.outcome(),
        e.message());
  }

  /** "set_daily_cap 75.50 EUR (reporting 80.00 GBP)", "pause". */
  static String describeChange(Row action) {
    String type = action.getAs("change_type");
    java.math.BigDecimal value = action.getAs("change_value");
    if (value == null) {
      return type;
    }
    String currency = action.getAs("currency");
    java.math.BigDecimal rc = action.getAs("change_value_rc");
    String reporting = action.getAs("reporting_currency");
    String text = type + " " + value.toPlainString() + " " + currency;
    return rc == null || java.util.Objects.equals(currency, reporting) ? text : text + " (" + rc.toPlainString() + " " + reporting + ")";
  }
}

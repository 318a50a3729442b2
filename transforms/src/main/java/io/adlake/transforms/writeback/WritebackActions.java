package io.adlake.transforms.writeback;

import io.adlake.transforms.formats.Values;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code ops.writeback_actions}: one row per proposed platform change, grain {@code action_id}. The
 * id is the idempotency key: the alert's episode (alert id and first-seen date) and the change, so
 * planning again proposes nothing twice, and an alert that closes and opens again is a new episode
 * with a new action.
 *
 * <pre>
 * proposed --approve--> approved --execute--> executing --> done | skipped | failed
 *    |                     |                                          (failed is tried again, at most 3 attempts)
 *    +--reject-------------+--> rejected
 *    +--plan: a newer value for the same entity and change --> superseded
 *    +--plan: its alert is no longer open --> withdrawn
 * </pre>
 *
 * The status codes are {@link ActionStatus}'s, which also knows the transitions; the ledger refuses
 * any other.
 */
public final class WritebackActions {
  private WritebackActions() {}

  /** An execute attempt is made at most this often for one action; after that it stays failed. */
  public static final int MAX_ATTEMPTS = 3;

  /** Amounts of write-back: what a platform is sent, to the cent. */
  public static final DataType MONEY = Values.CENTS;

  public static final StructType SCHEMA =
      new StructType()
          .add("action_id", DataTypes.StringType, false)
          .add("alert_id", DataTypes.StringType, false)
          .add("alert_first_seen_date", DataTypes.DateType, false)
          .add("rule_id", DataTypes.StringType, false)
          .add("org_id", DataTypes.StringType, false)
          .add("platform", DataTypes.StringType, false)
          .add("entity_type", DataTypes.StringType, false)
          .add("entity_id", DataTypes.StringType, false)
          .add("entity_name", DataTypes.StringType)
          .add("advertiser_id", DataTypes.StringType)
          .add("change_type", DataTypes.StringType, false)
          // in the entity's own currency: what the platform is sent
          .add("change_value", MONEY)
          .add("currency", DataTypes.StringType)
          // in the org's reporting currency: what the rule computed and the approval threshold is
          // compared with
          .add("change_value_rc", MONEY)
          .add("reporting_currency", DataTypes.StringType)
          // the entity as the data last saw it (silver.setup_entities); execute skips a budget that
          // moved since
          .add("expected_active", DataTypes.BooleanType)
          .add("expected_budget", MONEY)
          .add("expected_daily_cap", MONEY)
          .add("approval_threshold", MONEY)
          .add("needs_second_person", DataTypes.BooleanType, false)
          .add("status", DataTypes.StringType, false)
          .add("requested_by", DataTypes.StringType, false)
          .add("planned_at", DataTypes.TimestampType, false)
          .add("decided_by", DataTypes.StringType)
          .add("decided_at", DataTypes.TimestampType)
          .add("decision_note", DataTypes.StringType)
          .add("superseded_by", DataTypes.StringType)
          .add("attempts", DataTypes.IntegerType, false)
          .add("executed_by", DataTypes.StringType)
          .add("last_attempt_at", DataTypes.TimestampType)
          .add("before_state", DataTypes.StringType)
          .add("after_state", DataTypes.StringType)
          .add("outcome", DataTypes.StringType)
          .add("message", DataTypes.StringType)
          .add("updated_at", DataTypes.TimestampType, false);

  /**
   * {@code ops.audit_log}: append-only, grain {@code audit_id}; one row per event of any action.
   */
  public static final StructType AUDIT_SCHEMA =
      new StructType()
          .add("audit_id", DataTypes.StringType, false)
          .add("at", DataTypes.TimestampType, false)
          .add("actor", DataTypes.StringType, false)
          .add("action_id", DataTypes.StringType, false)
          .add("org_id", DataTypes.StringType, false)
          .add("platform", DataTypes.StringType, false)
          .add("entity_type", DataTypes.StringType, false)
          .add("entity_id", DataTypes.StringType, false)
          .add("change", DataTypes.StringType, false)
          .add("event", DataTypes.StringType, false)
          .add("attempt", DataTypes.IntegerType)
          .add("dry_run", DataTypes.BooleanType, false)
          .add("before_state", DataTypes.StringType)
          .add("after_state", DataTypes.StringType)
          .add("outcome", DataTypes.StringType, false)
          .add("message", DataTypes.StringType)
          // The principal the command authenticated as; differs from actor when a delegator acted
          // for a person.
          // Null in rows written before it was recorded.
          .add("authenticated_as", DataTypes.StringType);
}

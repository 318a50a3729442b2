package io.adlake.jobs.writeback;

import io.adlake.model.ChangeType;
import io.adlake.model.Platform;
import io.adlake.platforms.writeback.Change;
import io.adlake.platforms.writeback.EntityRef;
import io.adlake.platforms.writeback.EntityState;
import io.adlake.transforms.writeback.ActionStatus;
import io.adlake.transforms.writeback.WritebackActions;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;

/**
 * One row of {@code ops.writeback_actions} as the write-back classes pass it: typed, immutable, and
 * moved on only by the transitions {@link ActionStatus} allows. {@link #fromRow} and {@link #toRow}
 * are the ledger boundary; no other class reads an action's columns by name.
 *
 * @param actionId the idempotency key (alert episode and change)
 * @param alert the alert episode that proposed it
 * @param target the entity it changes
 * @param proposal what plan proposed, in both currencies, and the entity as the data saw it
 * @param status where it is in the state machine
 * @param supersededBy the action that replaced it, when superseded
 * @param decision who approved or rejected it (empty while proposed)
 * @param execution the execute attempts so far and the last one's outcome
 */
public record WritebackAction(
    String actionId,
    Alert alert,
    Target target,
    Proposal proposal,
    ActionStatus status,
    String supersededBy,
    Decision decision,
    Execution execution,
    Instant updatedAt) {

  /** The alert episode: alert id, the day it was first seen, and its rule. */
  public record Alert(String alertId, LocalDate firstSeenDate, String ruleId) {}

  /** The entity: org, platform, type, id, its name, and the DV360 advertiser (null elsewhere). */
  public record Target(
      String orgId,
      Platform platform,
      String entityType,
      String entityId,
      String entityName,
      String advertiserId) {}

  /**
   * The change plan proposed: the amount in the entity's currency (what the platform is sent) and
   * in the org's reporting currency (what the threshold is compared with), the entity's state as
   * silver saw it, and the maker-checker terms.
   */
  public record Proposal(
      ChangeType changeType,
      BigDecimal value,
      String currency,
      BigDecimal valueRc,
      String reportingCurrency,
      Boolean expectedActive,
      BigDecimal expectedBudget,
      BigDecimal expectedDailyCap,
      BigDecimal approvalThreshold,
      boolean needsSecondPerson,
      String requestedBy,
      Instant plannedAt) {}

  /** A person's decision; every field null while none was made. */
  public record Decision(String by, Instant at, String note) {
    static final Decision NONE = new Decision(null, null, null);
  }

  /** Execute's attempts and the last one's result; the states are EntityState JSON. */
  public record Execution(
      int attempts,
      String executedBy,
      Instant lastAttemptAt,
      String beforeState,
      String afterState,
      String outcome,
      String message) {}

  public WritebackAction {
    Objects.requireNonNull(actionId, "action_id");
    Objects.requireNonNull(status, "status of " + actionId);
  }

  /** The entity as an adapter addresses it. */
  public EntityRef entity() {
    return new EntityRef(
        target.platform().code(),
        target.entityType(),
        target.entityId(),
        target.advertiserId(),
        proposal.currency());
  }

  public Change change() {
    return new Change(proposal.changeType(), proposal.value());
  }

  /** A person's approval or rejection. */
  public WritebackAction decided(ActionStatus to, String by, String note, Instant at) {
    return new WritebackAction(
        actionId,
        alert,
        target,
        proposal,
        moveTo(to),
        supersededBy,
        new Decision(by, at, note),
        execution,
        at);
  }

  /** Execute takes it: the next attempt, recorded before the platform is called. */
  public WritebackAction executing(String by, Instant at) {
    Execution next =
        new Execution(
            execution.attempts() + 1,
            by,
            at,
            execution.beforeState(),
            execution.afterState(),
            null,
            null);
    return new WritebackAction(
        actionId,
        alert,
        target,
        proposal,
        moveTo(ActionStatus.EXECUTING),
        supersededBy,
        decision,
        next,
        at);
  }

  /**
   * Whether this (a row read back) is that claim: executing, the same attempt, taken by the same
   * principal at the same instant, to the microsecond the table keeps.
   */
  public boolean isSameClaim(WritebackAction claim) {
    Instant at = execution.lastAttemptAt();
    Instant claimedAt = claim.execution().lastAttemptAt();
    return status == ActionStatus.EXECUTING
        && execution.attempts() == claim.execution().attempts()
        && Objects.equals(execution.executedBy(), claim.execution().executedBy())
        && at != null
        && claimedAt != null
        && at.truncatedTo(ChronoUnit.MICROS).equals(claimedAt.truncatedTo(ChronoUnit.MICROS));
  }

  /**
   * The attempt's result: done, skipped or failed, with the entity's states before and after (JSON,
   * or null).
   */
  public WritebackAction finished(
      ActionStatus to,
      String outcome,
      String message,
      EntityState before,
      EntityState after,
      Instant at) {
    Execution done =
        new Execution(
            execution.attempts(),
            execution.executedBy(),
            execution.lastAttemptAt(),
            before == null ? null : before.toJson(),
            after == null ? null : after.toJson(),
            outcome,
            message);
    return new WritebackAction(
        actionId, alert, target, proposal, moveTo(to), supersededBy, decision, done, at);
  }

  private ActionStatus moveTo(ActionStatus to) {
    if (!status.canBecome(to)) {
      throw new IllegalStateException(
          "write-back action "
              + actionId
              + " cannot go from "
              + status.code()
              + " to "
              + to.code());
    }
    return to;
  }

  /** "set_daily_cap 75.50 EUR (reporting 80.00 GBP)", "pause". */
  public String describeChange() {
    if (proposal.value() == null) {
      return proposal.changeType().code();
    }
    String text =
        proposal.changeType().code()
            + " "
            + proposal.value().toPlainString()
            + " "
            + proposal.currency();
    return proposal.valueRc() == null
            || Objects.equals(proposal.currency(), proposal.reportingCurrency())
        ? text
        : text
            + " ("
            + proposal.valueRc().toPlainString()
            + " "
            + proposal.reportingCurrency()
            + ")";
  }

  /** Reads a row of {@code ops.writeback_actions} (or of a plan's output, which has its schema). */
  public static WritebackAction fromRow(Row r) {
    Integer attempts = r.getAs("attempts");
    return new WritebackAction(
        r.getAs("action_id"),
        new Alert(
            r.getAs("alert_id"), localDate(r.getAs("alert_first_seen_date")), r.getAs("rule_id")),
        new Target(
            r.getAs("org_id"),
            Platform.ofCode(r.getAs("platform")),
            r.getAs("entity_type"),
            r.getAs("entity_id"),
            r.getAs("entity_name"),
            r.getAs("advertiser_id")),
        new Proposal(
            ChangeType.ofCode(r.getAs("change_type")),
            r.getAs("change_value"),
            r.getAs("currency"),
            r.getAs("change_value_rc"),
            r.getAs("reporting_currency"),
            r.getAs("expected_active"),
            r.getAs("expected_budget"),
            r.getAs("expected_daily_cap"),
            r.getAs("approval_threshold"),
            Boolean.TRUE.equals(r.getAs("needs_second_person")),
            r.getAs("requested_by"),
            instant(r.getAs("planned_at"))),
        ActionStatus.ofCode(r.getAs("status")),
        r.getAs("superseded_by"),
        new Decision(
            r.getAs("decided_by"), instant(r.getAs("decided_at")), r.getAs("decision_note")),
        new Execution(
            attempts == null ? 0 : attempts,
            r.getAs("executed_by"),
            instant(r.getAs("last_attempt_at")),
            r.getAs("before_state"),
            r.getAs("after_state"),
            r.getAs("outcome"),
            r.getAs("message")),
        instant(r.getAs("updated_at")));
  }

  /** The row the ledger writes, in {@link WritebackActions#SCHEMA}'s column order. */
  public Row toRow() {
    Object[] values = {
      actionId,
      alert.alertId(),
      alert.firstSeenDate() == null ? null : Date.valueOf(alert.firstSeenDate()),
      alert.ruleId(),
      target.orgId(),
      target.platform().code(),
      target.entityType(),
      target.entityId(),
      target.entityName(),
      target.advertiserId(),
      proposal.changeType().code(),
      proposal.value(),
      proposal.currency(),
      proposal.valueRc(),
      proposal.reportingCurrency(),
      proposal.expectedActive(),
      proposal.expectedBudget(),
      proposal.expectedDailyCap(),
      proposal.approvalThreshold(),
      proposal.needsSecondPerson(),
      status.code(),
      proposal.requestedBy(),
      timestamp(proposal.plannedAt()),
      decision.by(),
      timestamp(decision.at()),
      decision.note(),
      supersededBy,
      execution.attempts(),
      execution.executedBy(),
      timestamp(execution.lastAttemptAt()),
      execution.beforeState(),
      execution.afterState(),
      execution.outcome(),
      execution.message(),
      timestamp(updatedAt)
    };
    if (values.length != WritebackActions.SCHEMA.size()) {
      throw new IllegalStateException(
          "WritebackAction maps "
              + values.length
              + " columns, ops.writeback_actions has "
              + WritebackActions.SCHEMA.size());
    }
    return new GenericRowWithSchema(values, WritebackActions.SCHEMA);
  }

  private static LocalDate localDate(Object value) {
    return value == null ? null : value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
  }

  private static Instant instant(Object value) {
    return value == null ? null : value instanceof Instant i ? i : ((Timestamp) value).toInstant();
  }

  private static Timestamp timestamp(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }
}

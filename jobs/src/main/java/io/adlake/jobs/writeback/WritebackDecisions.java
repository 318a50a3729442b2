package io.adlake.jobs.writeback;

import io.adlake.model.config.WritebackSettings;
import io.adlake.transforms.writeback.ActionStatus;
import io.adlake.transforms.writeback.WritebackActions;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * {@code adlake writeback approve|reject}: a person's decision on a proposed action, recorded with who and when in
 * the action and the audit log. Maker-checker: a budget or daily cap above the org's threshold cannot be approved
 * by the person who planned it. Names are compared ignoring case and surrounding blanks, so "Jane" cannot approve
 * what "jane " planned.
 */
public final class WritebackDecisions {
  private final WritebackLedger ledger;
  private final WritebackSettings settings;

  public WritebackDecisions(WritebackLedger ledger, WritebackSettings settings) {
    this.ledger = ledger;
    this.settings = settings;
  }

  /**
   * Approves a proposed action. The threshold is the stricter of the one the plan recorded and the org's current
   * one, so lowering a threshold takes effect on actions already planned.
   */
  public Row approve(String actionId, String by, String note, Instant at) {
    Row action = decidable(actionId, ActionStatus.APPROVED);
    BigDecimal value = action.getAs("change_value_rc");
    BigDecimal threshold = threshold(action, settings.thresholdFor(action.getAs("org_id")));
    if (needsSecondPerson(action, threshold) && samePerson(by, action.getAs("requested_by"))) {
      throw new DecisionRefused(
          String.format(
              Locale.ROOT,
              "%s cannot approve action %s: they planned it, and %s %s is above %s's threshold of %s %s, so someone else must approve it",
              by.strip(), actionId, value.toPlainString(), action.getAs("reporting_currency"), action.getAs("org_id"),
              threshold.toPlainString(), action.getAs("reporting_currency")));
    }
    return decide(action, WritebackActions.APPROVED, by, note, at);
  }

  public Row reject(String actionId, String by, String note, Instant at) {
    return decide(decidable(actionId, ActionStatus.REJECTED), WritebackActions.REJECTED, by, note, at);
  }

  /** The action, when a person's decision may move it to {@code decision} (approve: proposed; reject: pending). */
  private Row decidable(String actionId, ActionStatus decision) {
    Row action = ledger.find(actionId).orElseThrow(() -> new IllegalArgumentException("no write-back action with id '" + actionId + "'"));
    ActionStatus status = ActionStatus.ofCode(action.getAs("status"));
    if (!ActionStatus.PENDING.contains(status) || !status.canBecome(decision)) {
      List<String> allowed = java.util.Arrays.stream(ActionStatus.values()).filter(s -> ActionStatus.PENDING.contains(s) && s.canBecome(decision)).map(ActionStatus::code).toList();
      throw new DecisionRefused("action " + actionId + " is " + status.code() + "; only a " + String.join(" or ", allowed) + " action can be " + decision.code());
    }
    return action;
  }

  private Row decide(Row action, String status, String by, String note, Instant at) {
    if (by == null || by.isBlank()) {
      throw new IllegalArgumentException("a decision needs the name of who makes it");
    }
    Map<String, Object> changes = new HashMap<>();
    changes.put("status", status);
    changes.put("decided_by", by.strip());
    changes.put("decided_at", Timestamp.from(at));
    changes.put("decision_note", note);
    Row decided = WritebackLedger.with(action, changes, at);
    ledger.record(List.of(decided), List.of(WritebackLedger.audit(AuditEvent.of(decided, status, by.strip(), at).withOutcome(status, note))), status + "-" + action.getAs("action_id"));
    return decided;
  }

  /** The stricter of the threshold the plan recorded and the org's current one. */
  static BigDecimal threshold(Row action, BigDecimal current) {
    BigDecimal planned = action.getAs("approval_threshold");
    return planned == null ? current : planned.min(current);
  }

  static boolean needsSecondPerson(Row action, BigDecimal threshold) {
    BigDecimal value = action.getAs("change_value_rc");
    return Boolean.TRUE.equals(action.getAs("needs_second_person")) || (value != null && value.compareTo(threshold) > 0);
  }

  static boolean samePerson(String a, String b) {
    return a != null && b != null && a.strip().equalsIgnoreCase(b.strip());
  }
}

package io.adlake.jobs.writeback;

import io.adlake.model.config.WritebackSettings;
import io.adlake.transforms.writeback.ActionStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code adlake writeback approve|reject}: a person's decision on a proposed action, recorded with
 * who and when in the action and the audit log. Maker-checker: a budget or daily cap above the
 * org's threshold cannot be approved by the person who planned it. Names are compared ignoring case
 * and surrounding blanks, so "Jane" cannot approve what "jane " planned.
 */
public final class WritebackDecisions {
  private final WritebackLedger ledger;
  private final WritebackSettings settings;

  public WritebackDecisions(WritebackLedger ledger, WritebackSettings settings) {
    this.ledger = ledger;
    this.settings = settings;
  }

  /**
   * Approves a proposed action. The threshold is the stricter of the one the plan recorded and the
   * org's current one, so lowering a threshold takes effect on actions already planned.
   */
  public WritebackAction approve(String actionId, Actor by, String note, Instant at) {
    WritebackAction action = decidable(actionId, ActionStatus.APPROVED);
    WritebackAction.Proposal proposal = action.proposal();
    String orgId = action.target().orgId();
    BigDecimal threshold = threshold(action, settings.thresholdFor(orgId));
    if (needsSecondPerson(action, threshold) && samePerson(by.name(), proposal.requestedBy())) {
      throw new DecisionRefused(
          String.format(
              Locale.ROOT,
              "%s cannot approve action %s: they planned it, and %s %s is above %s's threshold of %s %s, so someone else must approve it",
              by.name(),
              actionId,
              proposal.valueRc().toPlainString(),
              proposal.reportingCurrency(),
              orgId,
              threshold.toPlainString(),
              proposal.reportingCurrency()));
    }
    return decide(action, ActionStatus.APPROVED, by, note, at);
  }

  public WritebackAction reject(String actionId, Actor by, String note, Instant at) {
    return decide(decidable(actionId, ActionStatus.REJECTED), ActionStatus.REJECTED, by, note, at);
  }

  /**
   * The action, when a person's decision may move it to {@code decision} (approve: proposed;
   * reject: pending).
   */
  private WritebackAction decidable(String actionId, ActionStatus decision) {
    WritebackAction action =
        ledger
            .find(actionId)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no write-back action with id '" + actionId + "'"));
    ActionStatus status = action.status();
    if (!ActionStatus.PENDING.contains(status) || !status.canBecome(decision)) {
      List<String> allowed =
          Arrays.stream(ActionStatus.values())
              .filter(s -> ActionStatus.PENDING.contains(s) && s.canBecome(decision))
              .map(ActionStatus::code)
              .toList();
      throw new DecisionRefused(
          "action "
              + actionId
              + " is "
              + status.code()
              + "; only a "
              + String.join(" or ", allowed)
              + " action can be "
              + decision.code());
    }
    return action;
  }

  private WritebackAction decide(
      WritebackAction action, ActionStatus status, Actor by, String note, Instant at) {
    WritebackAction decided = action.decided(status, by.name(), note, at);
    ledger.record(
        List.of(decided),
        List.of(AuditEvent.of(decided, status.code(), by, at).withOutcome(status.code(), note)),
        status.code() + "-" + action.actionId());
    return decided;
  }

  /** The stricter of the threshold the plan recorded and the org's current one. */
  static BigDecimal threshold(WritebackAction action, BigDecimal current) {
    BigDecimal planned = action.proposal().approvalThreshold();
    return planned == null ? current : current == null ? planned : planned.min(current);
  }

  static boolean needsSecondPerson(WritebackAction action, BigDecimal threshold) {
    BigDecimal value = action.proposal().valueRc();
    return action.proposal().needsSecondPerson()
        || (value != null && threshold != null && value.compareTo(threshold) > 0);
  }

  static boolean samePerson(String a, String b) {
    return a != null && b != null && a.strip().equalsIgnoreCase(b.strip());
  }
}

package io.adlake.jobs.writeback;

import static org.apache.spark.sql.functions.col;

import io.adlake.jobs.Progress;
import io.adlake.model.ChangeType;
import io.adlake.platforms.http.PlatformException;
import io.adlake.platforms.writeback.Change;
import io.adlake.platforms.writeback.EntityRef;
import io.adlake.platforms.writeback.EntityState;
import io.adlake.platforms.writeback.PlatformAdapter;
import io.adlake.transforms.writeback.ActionStatus;
import io.adlake.transforms.writeback.WritebackActions;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code adlake writeback execute}: makes the approved actions on their platforms, one at a time.
 *
 * <p>Each action first re-reads the entity. A change that cannot have its intended effect on the
 * entity as the platform now shows it ({@link Change#refusal}): nothing is sent, the action is
 * skipped as refused. Already as the action would leave it: nothing is sent. A budget or daily cap
 * that is neither what the plan saw nor the target has drifted (someone changed it since): nothing
 * is sent, the action is skipped, and a new plan decides again. Otherwise the change is sent, and
 * the state the platform reports afterwards is recorded.
 *
 * <p>One call per action: before the call, the action is claimed ({@link WritebackLedger#claim}):
 * committed as {@code executing} with its attempt number, only if no other execute changed it since
 * it was read. Two executes at once never both call the platform for one action; the one that loses
 * the claim reports {@code claimed_elsewhere} and sends nothing.
 *
 * <p>Crash safety: the claim is committed before the call. A process that dies between the call and
 * recording its result leaves it so; the next execute re-reads the entity, and if the change is in
 * place records it {@code done} ("confirmed") without calling again. Changes are absolute (paused,
 * budget = 500), so even a second call after a lost answer could not change anything twice.
 *
 * <p>A dry run (the default) reads the entities and says what each action would do, in the audit
 * log too; it sends no change and leaves the actions as they are.
 */
public final class WritebackExecutor {
  private final WritebackLedger ledger;
  private final BiFunction<String, String, PlatformAdapter> adapters;
  private final Progress progress;
  private final Clock clock;

  /**
   * @param adapters the adapter for an org's entities on a platform ({@link
   *     PlatformAdapters#forOrg}); an IllegalStateException when there is none (no token)
   */
  public WritebackExecutor(
      WritebackLedger ledger,
      BiFunction<String, String, PlatformAdapter> adapters,
      Progress progress,
      Clock clock) {
    this.ledger = ledger;
    this.adapters = adapters;
    this.progress = progress;
    this.clock = clock;
  }

  /**
   * @param apply false: dry run
   * @param by who executes (recorded)
   * @param only action ids to execute; empty: every executable one
   * @param org only this org's; null: all
   */
  public ExecuteReport execute(boolean apply, Actor by, List<String> only, String org) {
    List<WritebackAction> actions = executable(only, org);
    progress.step(
        "writeback execute"
            + (apply ? "" : " (dry run)")
            + ": "
            + actions.size()
            + " approved action(s)");
    List<ExecuteReport.Result> results = new ArrayList<>();
    List<AuditEvent> dryRunAudit = new ArrayList<>();
    for (WritebackAction action : actions) {
      ExecuteReport.Result result = apply ? applyOne(action, by) : dryRun(action, by, dryRunAudit);
      results.add(result);
      progress.step("  " + action.actionId() + " " + action.entity() + ": " + result.outcome());
    }
    if (!dryRunAudit.isEmpty()) {
      ledger.record(List.of(), dryRunAudit, "writeback-dry-run-" + clock.millis());
    }
    return new ExecuteReport(!apply, results);
  }

  /**
   * The actions an execute with these filters would take: approved, interrupted, or failed with
   * attempts left.
   */
  public List<WritebackAction> executable(List<String> only, String org) {
    Column executable =
        col("status")
            .isin(ActionStatus.APPROVED.code(), ActionStatus.EXECUTING.code())
            .or(
                col("status")
                    .equalTo(ActionStatus.FAILED.code())
                    .and(col("attempts").lt(WritebackActions.MAX_ATTEMPTS)));
    Dataset<Row> chosen = ledger.actions().filter(executable);
    if (!only.isEmpty()) {
      chosen = chosen.filter(col("action_id").isin(only.toArray()));
    }
    if (org != null) {
      chosen = chosen.filter(col("org_id").equalTo(org));
    }
    return chosen.orderBy("org_id", "platform", "entity_id", "action_id").collectAsList().stream()
        .map(WritebackAction::fromRow)
        .toList();
  }

  private ExecuteReport.Result dryRun(WritebackAction action, Actor by, List<AuditEvent> audit) {
    EntityRef entity = action.entity();
    Change change = action.change();
    String outcome;
    EntityState before = null;
    EntityState after = null;
    String message = null;
    try {
      before = adapters.apply(action.target().orgId(), entity.platform()).read(entity);
      String drift = drift(action, change, before);
      String refusal = change.refusal(before);
      if (refusal != null) {
        outcome = "refused";
        message = refusal;
      } else if (change.satisfiedBy(before)) {
        outcome = "already_matched";
      } else if (drift != null) {
        outcome = "drifted";
        message = drift;
      } else {
        outcome = "would_apply";
        after = change.appliedTo(before);
      }
    } catch (IllegalStateException | IllegalArgumentException | PlatformException e) {
      outcome = "not_read";
      message = e.getMessage();
    }
    audit.add(
        AuditEvent.of(action, "dry_run", by, clock.instant())
            .asDryRun()
            .withStates(before, after)
            .withOutcome(outcome, message));
    return new ExecuteReport.Result(action, outcome, before, after, message);
  }

  private ExecuteReport.Result applyOne(WritebackAction action, Actor by) {
    EntityRef entity = action.entity();
    Change change = action.change();
    PlatformAdapter adapter;
    try {
      adapter = adapters.apply(action.target().orgId(), entity.platform());
    } catch (IllegalStateException e) {
      // Nothing was attempted: the action keeps its status and its attempts, and waits for the
      // token.
      return new ExecuteReport.Result(action, "not_attempted", null, null, e.getMessage());
    }
    ActionStatus prior = action.status();
    WritebackAction executing = action.executing(by.name(), clock.instant());
    int attempt = executing.execution().attempts();
    if (!ledger.claim(action, executing)) {
      // Another execute took this action since it was read: that one calls the platform, this one
      // never does.
      return new ExecuteReport.Result(
          action,
          "claimed_elsewhere",
          null,
          null,
          "another execute took this action first; nothing sent");
    }
    ledger.record(
        List.of(),
        List.of(
            AuditEvent.of(executing, "execution_started", by, clock.instant())
                .withAttempt(attempt)
                .withOutcome("started", "status was " + prior.code())),
        "writeback-start-" + action.actionId() + "-" + attempt);

    EntityState before = null;
    EntityState after = null;
    ActionStatus status;
    String outcome;
    String message = null;
    try {
      before = adapter.read(entity);
      String drift = drift(action, change, before);
      String refusal = change.refusal(before);
      if (refusal != null) {
        status = ActionStatus.SKIPPED;
        outcome = "refused";
        message = refusal + "; nothing sent";
      } else if (change.satisfiedBy(before)) {
        boolean earlierCall = prior != ActionStatus.APPROVED;
        status = earlierCall ? ActionStatus.DONE : ActionStatus.SKIPPED;
        outcome = earlierCall ? "confirmed" : "already_matched";
        message =
            earlierCall
                ? "an earlier attempt's change is in place; nothing sent"
                : "the entity already was so; nothing sent";
        after = before;
      } else if (drift != null) {
        status = ActionStatus.SKIPPED;
        outcome = "drifted";
        message = drift + "; nothing sent, plan again to decide on the current state";
      } else {
        after = adapter.apply(entity, change);
        if (change.satisfiedBy(after)) {
          status = ActionStatus.DONE;
          outcome = "applied";
        } else {
          status = ActionStatus.FAILED;
          outcome = "failed";
          message = "the platform accepted the change but reports " + after.toJson();
        }
      }
    } catch (PlatformException | IllegalArgumentException e) {
      status = ActionStatus.FAILED;
      outcome = "failed";
      message = e.getMessage();
    }
    WritebackAction finished =
        executing.finished(status, outcome, message, before, after, clock.instant());
    ledger.record(
        List.of(finished),
        List.of(
            AuditEvent.of(finished, "executed", by, clock.instant())
                .withAttempt(attempt)
                .withStates(before, after)
                .withOutcome(outcome, message)),
        "writeback-" + outcome + "-" + action.actionId() + "-" + attempt);
    return new ExecuteReport.Result(finished, outcome, before, after, message);
  }

  /**
   * Why the entity is no longer as the plan saw it, in the field this change sets; null when it is.
   */
  static String drift(WritebackAction action, Change change, EntityState now) {
    if (!change.type().setsAmount()) {
      return null; // pause and resume have one other state: the target, handled as already matched
    }
    boolean budget = change.type() == ChangeType.SET_BUDGET;
    String field = budget ? "budget" : "daily cap";
    BigDecimal expected =
        budget ? action.proposal().expectedBudget() : action.proposal().expectedDailyCap();
    BigDecimal current = budget ? now.budget() : now.dailyCap();
    if (expected == null || (current != null && current.compareTo(expected) == 0)) {
      return null;
    }
    return "the "
        + field
        + " is "
        + (current == null ? "unset" : current.toPlainString())
        + ", the plan saw "
        + expected.toPlainString();
  }
}

package io.adlake.jobs.writeback;

import io.adlake.jobs.platforms.PlatformException;
import io.adlake.model.ChangeType;
import static org.apache.spark.sql.functions.col;

import io.adlake.jobs.Progress;
import io.adlake.transforms.writeback.WritebackActions;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code adlake writeback execute}: makes the approved actions on their platforms, one at a time.
 *
 * <p>Each action first re-reads the entity. A change that cannot have its intended effect on the entity as the
 * platform now shows it ({@link Change#refusal}): nothing is sent, the action is skipped as refused. Already as
 * the action would leave it: nothing is sent. A budget or
 * daily cap that is neither what the plan saw nor the target has drifted (someone changed it since): nothing is
 * sent, the action is skipped, and a new plan decides again. Otherwise the change is sent, and the state the
 * platform reports afterwards is recorded.
 *
 * <p>Crash safety: before the call, the action is committed as {@code executing} with its attempt number. A
 * process that dies between the call and recording its result leaves it so; the next execute re-reads the entity,
 * and if the change is in place records it {@code done} ("confirmed") without calling again. Changes are absolute
 * (paused, budget = 500), so even a second call after a lost answer could not change anything twice.
 *
 * <p>A dry run (the default) reads the entities and says what each action would do, in the audit log too; it sends
 * no change and leaves the actions as they are.
 */
public final class WritebackExecutor {
  private final WritebackLedger ledger;
  private final BiFunction<String, String, PlatformAdapter> adapters;
  private final Progress progress;
  private final Clock clock;

  /**
   * @param adapters the adapter for an org's entities on a platform ({@link PlatformAdapters#forOrg}); an
   *                 IllegalStateException when there is none (no token)
   */
  public WritebackExecutor(WritebackLedger ledger, BiFunction<String, String, PlatformAdapter> adapters, Progress progress, Clock clock) {
    this.ledger = ledger;
    this.adapters = adapters;
    this.progress = progress;
    this.clock = clock;
  }

  /**
   * @param apply    false: dry run
   * @param by       who executes (recorded)
   * @param only     action ids to execute; empty: every executable one
   * @param org      only this org's; null: all
   */
  public ExecuteReport execute(boolean apply, String by, List<String> only, String org) {
    Column executable =
        col("status").isin(WritebackActions.APPROVED, WritebackActions.EXECUTING)
            .or(col("status").equalTo(WritebackActions.FAILED).and(col("attempts").lt(WritebackActions.MAX_ATTEMPTS)));
    Dataset<Row> chosen = ledger.actions().filter(executable);
    if (!only.isEmpty()) {
      chosen = chosen.filter(col("action_id").isin(only.toArray()));
    }
    if (org != null) {
      chosen = chosen.filter(col("org_id").equalTo(org));
    }
    List<Row> actions = chosen.orderBy("org_id", "platform", "entity_id", "action_id").collectAsList();
    progress.step("writeback execute" + (apply ? "" : " (dry run)") + ": " + actions.size() + " approved action(s)");
    List<ExecuteReport.Result> results = new ArrayList<>();
    List<Row> dryRunAudit = new ArrayList<>();
    for (Row action : actions) {
      ExecuteReport.Result result = apply ? applyOne(action, by) : dryRun(action, by, dryRunAudit);
      results.add(result);
      progress.step("  " + action.getAs("action_id") + " " + action.getAs("platform") + " " + action.getAs("entity_id") + ": " + result.outcome());
    }
    if (!dryRunAudit.isEmpty()) {
      ledger.record(List.of(), dryRunAudit, "writeback-dry-run-" + clock.millis());
    }
    return new ExecuteReport(!apply, results);
  }

  private ExecuteReport.Result dryRun(Row action, String by, List<Row> audit) {
    EntityRef entity = entity(action);
    Change change = change(action);
    String outcome;
    EntityState before = null;
    EntityState after = null;
    String message = null;
    try {
      before = adapters.apply(action.getAs("org_id"), entity.platform()).read(entity);
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
        after = predicted(before, change);
      }
    } catch (IllegalStateException | IllegalArgumentException | PlatformException e) {
      outcome = "not_read";
      message = e.getMessage();
    }
    audit.add(WritebackLedger.audit(AuditEvent.of(action, "dry_run", by, clock.instant()).asDryRun().withStates(before, after).withOutcome(outcome, message)));
    return new ExecuteReport.Result(action, outcome, before, after, message);
  }

  private ExecuteReport.Result applyOne(Row action, String by) {
    EntityRef entity = entity(action);
    Change change = change(action);
    PlatformAdapter adapter;
    try {
      adapter = adapters.apply(action.getAs("org_id"), entity.platform());
    } catch (IllegalStateException e) {
      // Nothing was attempted: the action keeps its status and its attempts, and waits for the token.
      return new ExecuteReport.Result(action, "not_attempted", null, null, e.getMessage());
    }
    String prior = action.getAs("status");
    int attempt = (Integer) action.getAs("attempts") + 1;
    Map<String, Object> start = new HashMap<>();
    start.put("status", WritebackActions.EXECUTING);
    start.put("attempts", attempt);
    start.put("executed_by", by);
    start.put("last_attempt_at", Timestamp.from(clock.instant()));
    start.put("outcome", null);
    start.put("message", null);
    Row executing = WritebackLedger.with(action, start, clock.instant());
    ledger.record(
        List.of(executing),
        List.of(WritebackLedger.audit(AuditEvent.of(executing, "execution_started", by, clock.instant()).withAttempt(attempt).withOutcome("started", "status was " + prior))),
        "writeback-start-" + action.getAs("action_id") + "-" + attempt);

    EntityState before = null;
    EntityState after = null;
    String status;
    String outcome;
    String message = null;
    try {
      before = adapter.read(entity);
      String drift = drift(action, change, before);
      String refusal = change.refusal(before);
      if (refusal != null) {
        status = WritebackActions.SKIPPED;
        outcome = "refused";
        message = refusal + "; nothing sent";
      } else if (change.satisfiedBy(before)) {
        boolean earlierCall = !prior.equals(WritebackActions.APPROVED);
        status = earlierCall ? WritebackActions.DONE : WritebackActions.SKIPPED;
        outcome = earlierCall ? "confirmed" : "already_matched";
        message = earlierCall ? "an earlier attempt's change is in place; nothing sent" : "the entity already was so; nothing sent";
        after = before;
      } else if (drift != null) {
        status = WritebackActions.SKIPPED;
        outcome = "drifted";
        message = drift + "; nothing sent, plan again to decide on the current state";
      } else {
        after = adapter.apply(entity, change);
        if (change.satisfiedBy(after)) {
          status = WritebackActions.DONE;
          outcome = "applied";
        } else {
          status = WritebackActions.FAILED;
          outcome = "failed";
          message = "the platform accepted the change but reports " + after.toJson();
        }
      }
    } catch (PlatformException | IllegalArgumentException e) {
      status = WritebackActions.FAILED;
      outcome = "failed";
      message = e.getMessage();
    }
    Map<String, Object> changes = new HashMap<>();
    changes.put("status", status);
    changes.put("outcome", outcome);
    changes.put("message", message);
    changes.put("before_state", before == null ? null : before.toJson());
    changes.put("after_state", after == null ? null : after.toJson());
    Row finished = WritebackLedger.with(executing, changes, clock.instant());
    ledger.record(
        List.of(finished),
        List.of(WritebackLedger.audit(AuditEvent.of(finished, "executed", by, clock.instant()).withAttempt(attempt).withStates(before, after).withOutcome(outcome, message))),
        "writeback-" + outcome + "-" + action.getAs("action_id") + "-" + attempt);
    return new ExecuteReport.Result(finished, outcome, before, after, message);
  }

  /** Why the entity is no longer as the plan saw it, in the field this change sets; null when it is. */
  static String drift(Row action, Change change, EntityState now) {
    if (!change.type().setsAmount()) {
      return null; // pause and resume have one other state: the target, handled as already matched
    }
    boolean budget = change.type() == ChangeType.SET_BUDGET;
    String field = budget ? "budget" : "daily cap";
    BigDecimal expected = action.getAs(budget ? "expected_budget" : "expected_daily_cap");
    BigDecimal current = budget ? now.budget() : now.dailyCap();
    if (expected == null || (current != null && current.compareTo(expected) == 0)) {
      return null;
    }
    return "the " + field + " is " + (current == null ? "unset" : current.toPlainString()) + ", the plan saw " + expected.toPlainString();
  }

  private static EntityState predicted(EntityState before, Change change) {
    return switch (change.type()) {
      case PAUSE -> before.with(false, before.budget(), before.dailyCap());
      case RESUME -> before.with(true, before.budget(), before.dailyCap());
      case SET_BUDGET -> before.with(before.active(), change.value(), before.dailyCap());
      case SET_DAILY_CAP -> before.with(before.active(), before.budget(), change.value());
    };
  }

  static EntityRef entity(Row action) {
    return new EntityRef(action.getAs("platform"), action.getAs("entity_type"), action.getAs("entity_id"), action.getAs("advertiser_id"), action.getAs("currency"));
  }

  static Change change(Row action) {
    return new Change(ChangeType.ofCode(action.getAs("change_type")), action.getAs("change_value"));
  }
}

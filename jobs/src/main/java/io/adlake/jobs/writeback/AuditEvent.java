package io.adlake.jobs.writeback;

import io.adlake.platforms.writeback.EntityState;
import java.time.Instant;

/**
 * One event of a write-back action for {@code ops.audit_log}: who did what to which action when,
 * and, when it touched the platform, the attempt, the entity's state before and after, and the
 * outcome. Immutable; each {@code with...} returns a new event, so a call site names what it sets.
 *
 * @param action the action as it stands after the event
 */
public record AuditEvent(
    WritebackAction action,
    Actor actor,
    Instant at,
    String event,
    Integer attempt,
    boolean dryRun,
    EntityState before,
    EntityState after,
    String outcome,
    String message) {

  /**
   * An event without platform states: planned, approved, rejected, superseded, withdrawn; outcome =
   * the event.
   */
  public static AuditEvent of(WritebackAction action, String event, Actor actor, Instant at) {
    return new AuditEvent(action, actor, at, event, null, false, null, null, event, null);
  }

  public AuditEvent withOutcome(String outcome, String message) {
    return new AuditEvent(
        action, actor, at, event, attempt, dryRun, before, after, outcome, message);
  }

  public AuditEvent withAttempt(int attempt) {
    return new AuditEvent(
        action, actor, at, event, attempt, dryRun, before, after, outcome, message);
  }

  /** The entity as the platform reported it before and after (null where it was not read). */
  public AuditEvent withStates(EntityState before, EntityState after) {
    return new AuditEvent(
        action, actor, at, event, attempt, dryRun, before, after, outcome, message);
  }

  /** A dry run: nothing was sent. */
  public AuditEvent asDryRun() {
    return new AuditEvent(action, actor, at, event, attempt, true, before, after, outcome, message);
  }
}

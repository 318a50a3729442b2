package io.adlake.jobs.cli;

import static io.adlake.jobs.cli.GridTable.column;

import java.time.Instant;
import java.util.List;

/**
 * An event of the write-back audit log as {@code adlake writeback history} prints it: one row of
 * ops.audit_log, under the table's column names.
 *
 * @param authenticatedAs null in rows written before the principal was recorded
 * @param attempt null for events that did not call a platform
 */
record AuditEntry(
    Instant at,
    String actor,
    String authenticatedAs,
    String event,
    String outcome,
    String actionId,
    String orgId,
    String platform,
    String entityId,
    String change,
    Integer attempt,
    boolean dryRun,
    String beforeState,
    String afterState,
    String message) {

  static final GridTable<AuditEntry> GRID =
      new GridTable<>(
          List.of(
              column("at", AuditEntry::at),
              column("actor", AuditEntry::actor),
              column("authenticated_as", AuditEntry::authenticatedAs),
              column("event", AuditEntry::event),
              column("outcome", AuditEntry::outcome),
              column("action_id", AuditEntry::actionId),
              column("org_id", AuditEntry::orgId),
              column("platform", AuditEntry::platform),
              column("entity_id", AuditEntry::entityId),
              column("change", AuditEntry::change),
              column("attempt", AuditEntry::attempt),
              column("dry_run", AuditEntry::dryRun),
              column("before_state", AuditEntry::beforeState),
              column("after_state", AuditEntry::afterState),
              column("message", AuditEntry::message)));
}

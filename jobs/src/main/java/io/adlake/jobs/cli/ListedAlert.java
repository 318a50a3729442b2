package io.adlake.jobs.cli;

import static io.adlake.jobs.cli.GridTable.column;

import java.time.LocalDate;
import java.util.List;

/**
 * An alert as {@code adlake alerts list} prints it: one row of ops.alerts, under the table's column
 * names.
 */
record ListedAlert(
    String alertId,
    String orgId,
    String ruleId,
    String severity,
    String status,
    String platform,
    String entityType,
    String entityId,
    LocalDate firstSeenDate,
    LocalDate lastSeenDate,
    String proposedAction) {

  static final GridTable<ListedAlert> GRID =
      new GridTable<>(
          List.of(
              column("alert_id", ListedAlert::alertId),
              column("org_id", ListedAlert::orgId),
              column("rule_id", ListedAlert::ruleId),
              column("severity", ListedAlert::severity),
              column("status", ListedAlert::status),
              column("platform", ListedAlert::platform),
              column("entity_type", ListedAlert::entityType),
              column("entity_id", ListedAlert::entityId),
              column("first_seen_date", ListedAlert::firstSeenDate),
              column("last_seen_date", ListedAlert::lastSeenDate),
              column("proposed_action", ListedAlert::proposedAction)));
}

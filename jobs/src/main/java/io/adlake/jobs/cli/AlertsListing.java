package io.adlake.jobs.cli;

import static org.apache.spark.sql.functions.col;

import java.sql.Date;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Reads ops.alerts for {@code adlake alerts list}: newest first, at most 1000 of them. */
final class AlertsListing {
  private AlertsListing() {}

  static final int SHOWN = 1000;

  /** The alerts with this status of this org; a null status or org is any. */
  static Page<ListedAlert> read(Dataset<Row> alerts, String status, String org) {
    return OpsTableQuery.of(alerts)
        .where("status", status)
        .where("org_id", org)
        .page(
            SHOWN,
            AlertsListing::alert,
            col("last_seen_date").desc(),
            col("org_id"),
            col("rule_id"));
  }

  private static ListedAlert alert(Row row) {
    return new ListedAlert(
        row.getAs("alert_id"),
        row.getAs("org_id"),
        row.getAs("rule_id"),
        row.getAs("severity"),
        row.getAs("status"),
        row.getAs("platform"),
        row.getAs("entity_type"),
        row.getAs("entity_id"),
        row.<Date>getAs("first_seen_date").toLocalDate(),
        row.<Date>getAs("last_seen_date").toLocalDate(),
        row.getAs("proposed_action"));
  }
}

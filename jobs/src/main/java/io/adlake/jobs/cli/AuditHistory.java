package io.adlake.jobs.cli;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Reads ops.audit_log for {@code adlake writeback history}: newest first, a page of it. */
final class AuditHistory {
  private AuditHistory() {}

  /** The events of this action of this org, at most {@code limit}; a null action or org is any. */
  static Page<AuditEntry> read(Dataset<Row> log, String action, String org, int limit) {
    return OpsTableQuery.of(log)
        .where("action_id", action)
        .where("org_id", org)
        .page(limit, AuditHistory::entry, col("at").desc());
  }

  private static AuditEntry entry(Row row) {
    return new AuditEntry(
        row.<Timestamp>getAs("at").toInstant(),
        row.getAs("actor"),
        row.getAs("authenticated_as"),
        row.getAs("event"),
        row.getAs("outcome"),
        row.getAs("action_id"),
        row.getAs("org_id"),
        row.getAs("platform"),
        row.getAs("entity_id"),
        row.getAs("change"),
        row.getAs("attempt"),
        row.<Boolean>getAs("dry_run"),
        row.getAs("before_state"),
        row.getAs("after_state"),
        row.getAs("message"));
  }
}

package io.adlake.transforms.writeback;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a plan changes in {@code ops.writeback_actions}, given its rows and the current proposals:
 * only the rows that change come back, so the caller writes and audits exactly those.
 *
 * <ul>
 *   <li>a proposal whose action id is not there yet: a new action, {@code proposed};
 *   <li>a proposal whose action id is there: nothing (the idempotency key), unless that action was
 *       superseded and its value is proposed again: then it is {@code proposed} anew, its old
 *       decision cleared;
 *   <li>a pending action (proposed, approved) whose alert now proposes another value: {@code
 *       superseded}, naming the action that replaces it;
 *   <li>a pending action whose alert no longer proposes anything (resolved, or its rule lost its
 *       action): {@code withdrawn}.
 * </ul>
 *
 * Actions past approval (executing, done, skipped, failed) and decided ones (rejected) are never
 * touched.
 */
public final class WritebackPlan {
  private WritebackPlan() {}

  /**
   * @param existing ops.writeback_actions
   * @param proposals {@link WritebackProposals#from} rows, the blocked ones included (their alert
   *     still proposes)
   */
  public static Dataset<Row> next(Dataset<Row> existing, Dataset<Row> proposals, Instant at) {
    Column[] columns =
        Arrays.stream(WritebackActions.SCHEMA.fieldNames())
            .map(org.apache.spark.sql.functions::col)
            .toArray(Column[]::new);
    Timestamp now = Timestamp.from(at);
    Dataset<Row> actionable = proposals.filter(col("blocked_reason").isNull()).select(columns);
    Dataset<Row> proposing = proposals.select("alert_id").distinct();

    Dataset<Row> fresh =
        actionable
            .join(
                existing.select(col("action_id"), col("status").as("recorded_status")),
                new String[] {"action_id"},
                "left")
            .filter(
                col("recorded_status")
                    .isNull()
                    .or(col("recorded_status").equalTo(ActionStatus.SUPERSEDED.code())))
            .select(columns);

    Dataset<Row> pending =
        existing.filter(col("status").isin(ActionStatus.codes(ActionStatus.PENDING).toArray()));
    Dataset<Row> withdrawn =
        pending
            .join(proposing, new String[] {"alert_id"}, "left_anti")
            .withColumn("status", lit(ActionStatus.WITHDRAWN.code()))
            .withColumn(
                "message",
                lit("its alert no longer proposes this change (resolved, or the rule changed)"))
            .withColumn("updated_at", lit(now))
            .select(columns);
    Dataset<Row> newer =
        actionable.select(col("alert_id"), col("change_type"), col("action_id").as("newer_id"));
    Dataset<Row> superseded =
        pending
            .join(newer, new String[] {"alert_id", "change_type"})
            .filter(col("action_id").notEqual(col("newer_id")))
            .withColumn("status", lit(ActionStatus.SUPERSEDED.code()))
            .withColumn("superseded_by", col("newer_id"))
            .withColumn("message", lit("its alert now proposes another value"))
            .withColumn("updated_at", lit(now))
            .select(columns);
    return fresh.unionByName(withdrawn).unionByName(superseded);
  }
}

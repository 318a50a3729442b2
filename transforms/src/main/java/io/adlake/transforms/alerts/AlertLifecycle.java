package io.adlake.transforms.alerts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import io.adlake.transforms.formats.Values;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The next state of {@code ops.alerts} from its current rows and what the rules found on an as-of
 * date.
 *
 * <ul>
 *   <li>found, and no alert or a resolved one: a new episode, {@code open}, first seen today;
 *   <li>found, and open or acknowledged: stays so, last seen moves on, the values are today's;
 *   <li>not found by a rule that was evaluated for that org: {@code resolved} (unless the alert was
 *       last seen after this as-of date: an older day evaluated again does not close a newer
 *       finding);
 *   <li>not found because the rule was not evaluated (its schedule), or already resolved:
 *       unchanged.
 * </ul>
 *
 * Running the same date again with the same gold changes nothing but {@code last_evaluated_at}.
 * What a digest has told ({@code notified_status}) is kept: notify compares it with the status to
 * know what is news.
 */
public final class AlertLifecycle {
  private AlertLifecycle() {}

  public static final StructType SCHEMA =
      new StructType()
          .add("alert_id", DataTypes.StringType, false)
          .add("rule_id", DataTypes.StringType, false)
          .add("rule_version", DataTypes.StringType, false)
          .add("org_id", DataTypes.StringType, false)
          .add("mart", DataTypes.StringType, false)
          .add("platform", DataTypes.StringType)
          .add("entity_type", DataTypes.StringType, false)
          .add("entity_id", DataTypes.StringType, false)
          .add("severity", DataTypes.StringType, false)
          .add("title", DataTypes.StringType, false)
          .add("status", DataTypes.StringType, false)
          .add("first_seen_date", DataTypes.DateType, false)
          .add("last_seen_date", DataTypes.DateType, false)
          .add("days_seen", DataTypes.IntegerType, false)
          .add("first_seen_at", DataTypes.TimestampType, false)
          .add("last_evaluated_at", DataTypes.TimestampType, false)
          .add("resolved_date", DataTypes.DateType)
          .add("resolved_at", DataTypes.TimestampType)
          .add("acknowledged_by", DataTypes.StringType)
          .add("acknowledged_at", DataTypes.TimestampType)
          .add("observed", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType))
          .add("action_type", DataTypes.StringType)
          .add("action_value", Values.AMOUNT)
          .add("proposed_action", DataTypes.StringType)
          .add("notified_status", DataTypes.StringType)
          .add("notified_at", DataTypes.TimestampType);

  public static final String OPEN = "open";
  public static final String ACKNOWLEDGED = "acknowledged";
  public static final String RESOLVED = "resolved";

  /** high before medium before low, for listings and digests. */
  public static Column severityRank() {
    return when(col("severity").equalTo("high"), 0)
        .when(col("severity").equalTo("medium"), 1)
        .otherwise(2);
  }

  /**
   * @param existing current alerts (any orgs; those of orgs not evaluated come back unchanged)
   * @param hits {@link AlertHits} rows of every rule evaluated
   * @param evaluated (rule_id, org_id) of every rule evaluated in this run, found something or not
   */
  public static Dataset<Row> next(
      Dataset<Row> existing,
      Dataset<Row> hits,
      Dataset<Row> evaluated,
      LocalDate asOf,
      Instant now) {
    Column today = lit(Date.valueOf(asOf));
    Column at = lit(Timestamp.from(now));
    Dataset<Row> e = existing.alias("e");
    Dataset<Row> h = hits.alias("h");
    Dataset<Row> joined =
        e.join(h, col("e.alert_id").equalTo(col("h.alert_id")), "full_outer")
            .join(
                evaluated.select(
                    col("rule_id").as("v_rule"),
                    col("org_id").as("v_org"),
                    lit(true).as("was_evaluated")),
                coalesce(col("e.rule_id"), col("h.rule_id"))
                    .equalTo(col("v_rule"))
                    .and(coalesce(col("e.org_id"), col("h.org_id")).equalTo(col("v_org"))),
                "left");

    Column found = col("h.alert_id").isNotNull();
    Column known = col("e.alert_id").isNotNull();
    Column active = col("e.status").isin(OPEN, ACKNOWLEDGED);
    Column newEpisode = found.and(not(known).or(not(active)));
    Column resolves =
        not(found)
            .and(active)
            .and(coalesce(col("was_evaluated"), lit(false)))
            .and(col("e.last_seen_date").leq(today));

    List<Column> out = new ArrayList<>();
    out.add(coalesce(col("h.alert_id"), col("e.alert_id")).as("alert_id"));
    for (String c :
        List.of(
            "rule_id",
            "rule_version",
            "org_id",
            "mart",
            "platform",
            "entity_type",
            "entity_id",
            "severity",
            "title")) {
      out.add(when(found, col("h." + c)).otherwise(col("e." + c)).as(c));
    }
    out.add(
        when(newEpisode, lit(OPEN))
            .when(resolves, lit(RESOLVED))
            .otherwise(col("e.status"))
            .as("status"));
    out.add(when(newEpisode, today).otherwise(col("e.first_seen_date")).as("first_seen_date"));
    out.add(
        when(newEpisode, today)
            .when(found, greatest(col("e.last_seen_date"), today))
            .otherwise(col("e.last_seen_date"))
            .as("last_seen_date"));
    out.add(
        when(newEpisode, lit(1))
            .when(found.and(col("e.last_seen_date").lt(today)), col("e.days_seen").plus(1))
            .otherwise(col("e.days_seen"))
            .as("days_seen"));
    out.add(when(newEpisode, at).otherwise(col("e.first_seen_at")).as("first_seen_at"));
    out.add(
        when(found.or(resolves), at).otherwise(col("e.last_evaluated_at")).as("last_evaluated_at"));
    out.add(
        when(newEpisode, lit(null).cast(DataTypes.DateType))
            .when(resolves, today)
            .otherwise(col("e.resolved_date"))
            .as("resolved_date"));
    out.add(
        when(newEpisode, lit(null).cast(DataTypes.TimestampType))
            .when(resolves, at)
            .otherwise(col("e.resolved_at"))
            .as("resolved_at"));
    out.add(
        when(newEpisode, lit(null).cast(DataTypes.StringType))
            .otherwise(col("e.acknowledged_by"))
            .as("acknowledged_by"));
    out.add(
        when(newEpisode, lit(null).cast(DataTypes.TimestampType))
            .otherwise(col("e.acknowledged_at"))
            .as("acknowledged_at"));
    for (String c : List.of("observed", "action_type", "action_value", "proposed_action")) {
      out.add(when(found, col("h." + c)).otherwise(col("e." + c)).as(c));
    }
    out.add(col("e.notified_status").as("notified_status"));
    out.add(col("e.notified_at").as("notified_at"));
    Dataset<Row> next = joined.select(out.toArray(Column[]::new));
    return next.sparkSession().createDataFrame(next.rdd(), SCHEMA);
  }
}

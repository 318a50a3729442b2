package io.adlake.transforms.alerts;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_arrays;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import io.adlake.model.ChangeType;
import io.adlake.transforms.formats.Values;
import io.adlake.transforms.rules.RuleCompiler;
import io.adlake.transforms.rules.RuleMart;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;

/**
 * What one rule finds on an as-of date: a row per entity of the mart for which the condition is
 * true, with a deterministic alert id (rule, org, entity), the values the rule read, and the action
 * it proposes.
 */
public final class AlertHits {
  private AlertHits() {}

  public static final List<String> COLUMNS =
      List.of(
          "alert_id",
          "rule_id",
          "rule_version",
          "org_id",
          "mart",
          "platform",
          "entity_type",
          "entity_id",
          "severity",
          "title",
          "observed",
          "action_type",
          "action_value",
          "proposed_action");

  /**
   * The alert id: the same rule finding the same entity of the same org is the same alert, on any
   * day.
   */
  public static Column alertId(
      Column ruleId, Column orgId, Column platform, Column entityType, Column entityId) {
    return substring(
        sha2(concat_ws("|", ruleId, orgId, coalesce(platform, lit("")), entityType, entityId), 256),
        1,
        24);
  }

  /**
   * What the rule finds for these orgs (those it is evaluated for in this run), in one scan of the
   * mart.
   */
  public static Dataset<Row> find(
      Dataset<Row> mart, AlertRule rule, Collection<String> orgIds, LocalDate asOf) {
    RuleMart m = rule.mart();
    Column day =
        m == RuleMart.MARGIN_MONTHLY
            ? col(m.dateColumn()).equalTo(trunc(lit(Date.valueOf(asOf)), "month"))
            : col(m.dateColumn()).equalTo(lit(Date.valueOf(asOf)));
    Set<String> read = new LinkedHashSet<>(rule.condition().columns());
    rule.actionValue().ifPresent(v -> read.addAll(v.columns()));
    ArrayType strings = DataTypes.createArrayType(DataTypes.StringType);
    Column observed =
        map_from_arrays(
            array(read.stream().map(name -> lit(name)).toArray(Column[]::new)).cast(strings),
            array(
                    read.stream()
                        .map(name -> col(name).cast(DataTypes.StringType))
                        .toArray(Column[]::new))
                .cast(strings));
    Column actionType =
        rule.spec().action() == null
            ? lit(null).cast(DataTypes.StringType)
            : lit(rule.spec().action().type());
    Column actionValue =
        rule.actionValue()
            .map(RuleCompiler.Compiled::condition)
            .map(v -> v.cast(Values.AMOUNT))
            .orElse(lit(null).cast(Values.AMOUNT));
    Column proposed =
        when(actionType.isNull(), lit(null).cast(DataTypes.StringType))
            .when(actionValue.isNull(), actionType)
            .otherwise(
                concat_ws(
                    " ", actionType, actionValue.cast(Values.CENTS).cast(DataTypes.StringType)));
    return mart.filter(
            col("org_id").isin(orgIds.toArray()).and(day).and(rule.condition().condition()))
        .select(
            alertId(lit(rule.id()), col("org_id"), m.platform(), m.entityType(), m.entityId())
                .as("alert_id"),
            lit(rule.id()).as("rule_id"),
            lit(rule.version()).as("rule_version"),
            col("org_id"),
            lit(m.id()).as("mart"),
            m.platform().as("platform"),
            m.entityType().as("entity_type"),
            m.entityId().as("entity_id"),
            lit(rule.spec().severity()).as("severity"),
            lit(rule.spec().title()).as("title"),
            observed.as("observed"),
            actionType.as("action_type"),
            actionValue.as("action_value"),
            proposed.as("proposed_action"))
        // a set_* action whose value is unknown proposes nothing rather than a change to null
        .withColumn(
            "proposed_action",
            when(
                    col("action_type")
                        .isin(ChangeType.SET_BUDGET.code(), ChangeType.SET_DAILY_CAP.code())
                        .and(col("action_value").isNull()),
                    lit(null))
                .otherwise(col("proposed_action")));
  }
}

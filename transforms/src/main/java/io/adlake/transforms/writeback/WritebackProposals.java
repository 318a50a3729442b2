package io.adlake.transforms.writeback;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.when;

import io.adlake.model.ChangeType;
import io.adlake.model.Platform;
import io.adlake.platforms.writeback.Refusals;
import io.adlake.transforms.alerts.AlertLifecycle;
import io.adlake.transforms.rules.RuleMart;
import io.adlake.transforms.silver.SetupEntities;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/**
 * The changes the open alerts propose, as {@code ops.writeback_actions} rows in status {@code
 * proposed}, plus a {@code blocked_reason} for those write-back cannot make (then nothing is
 * recorded for them, and plan says why).
 *
 * <ul>
 *   <li>Only alerts with an action, open or acknowledged, of a platform-entity mart (pacing,
 *       qa_findings).
 *   <li>A rule computes amounts over the mart, in the org's reporting currency; the platform is
 *       sent the amount in the entity's own currency, converted back at the mart's rate of that
 *       as-of date.
 *   <li>What the data knew of the entity (status, budget, daily cap in silver.setup_entities) is
 *       kept as the expected state: execute does not change a budget someone else has moved since.
 *   <li>A DV360 line item's API path needs its advertiser; silver.delivery_daily knows it.
 *   <li>A budget or daily cap above the org's threshold (reporting currency) needs a second
 *       person's approval.
 *   <li>A change that could not have its effect is refused here with the reason ({@link
 *       #cannotWork}).
 * </ul>
 */
public final class WritebackProposals {
  private WritebackProposals() {}

  /**
   * @param alerts ops.alerts
   * @param pacing gold.pacing (published): the entity's currency and rate on the alert's last-seen
   *     day
   * @param setup silver.setup_entities
   * @param delivery silver.delivery_daily
   * @param thresholds (org_id, approval_threshold)
   */
  public static Dataset<Row> from(
      Dataset<Row> alerts,
      Dataset<Row> pacing,
      Dataset<Row> setup,
      Dataset<Row> delivery,
      Dataset<Row> thresholds,
      Instant at,
      String requestedBy) {
    Dataset<Row> proposing =
        alerts
            .filter(
                col("status")
                    .isin(AlertLifecycle.OPEN, AlertLifecycle.ACKNOWLEDGED)
                    .and(col("action_type").isNotNull()))
            .filter(col("mart").isin(RuleMart.PACING.id(), RuleMart.QA_FINDINGS.id()))
            // a QA alert is about an entity and a check ("entity/check"); platform ids never hold a
            // '/'
            .withColumn(
                "target_id",
                when(
                        col("mart").equalTo(RuleMart.QA_FINDINGS.id()),
                        substring_index(col("entity_id"), "/", 1))
                    .otherwise(col("entity_id")))
            .select(
                col("alert_id"),
                col("first_seen_date").as("alert_first_seen_date"),
                col("last_seen_date"),
                col("rule_id"),
                col("org_id"),
                col("platform"),
                col("entity_type"),
                col("target_id").as("entity_id"),
                col("action_type").as("change_type"),
                col("action_value"));

    Dataset<Row> rates =
        pacing.select(
            col("org_id"),
            col("platform"),
            col("entity_type"),
            col("entity_id"),
            col("as_of_date").as("last_seen_date"),
            col("entity_name").as("pacing_entity_name"),
            col("budget_currency"),
            col("budget_fx_rate"),
            col("reporting_currency"));
    Dataset<Row> known =
        setup.select(
            col("org_id"),
            col("platform"),
            col("entity_type"),
            col("entity_id"),
            col("name").as("setup_name"),
            col("status").equalTo("Active").as("expected_active"),
            col("budget_amount").cast(WritebackActions.MONEY).as("expected_budget"),
            col("daily_budget_amount").cast(WritebackActions.MONEY).as("expected_daily_cap"),
            col("parent_entity_id"),
            col("budget_type").as("setup_budget_type"),
            col("pacing").as("setup_pacing"));
    Dataset<Row> parents =
        setup
            .filter(col("entity_type").equalTo(SetupEntities.INSERTION_ORDER))
            .select(
                col("org_id"),
                col("platform"),
                col("entity_id").as("parent_entity_id"),
                col("status").as("parent_status"));
    Dataset<Row> advertisers =
        delivery
            .filter(col("platform").equalTo(Platform.DV360.code()))
            .groupBy(col("org_id"), col("line_item_id").as("entity_id"))
            .agg(max("advertiser_id").as("advertiser_id"))
            .withColumn("entity_type", lit(SetupEntities.LINE_ITEM))
            .withColumn("platform", lit(Platform.DV360.code()));

    Column setsAmount =
        col("change_type").isin(ChangeType.SET_BUDGET.code(), ChangeType.SET_DAILY_CAP.code());
    Dataset<Row> joined =
        proposing
            .join(
                rates,
                new String[] {"org_id", "platform", "entity_type", "entity_id", "last_seen_date"},
                "left")
            .join(known, new String[] {"org_id", "platform", "entity_type", "entity_id"}, "left")
            .join(parents, new String[] {"org_id", "platform", "parent_entity_id"}, "left")
            .join(
                advertisers,
                new String[] {"org_id", "platform", "entity_type", "entity_id"},
                "left")
            .join(thresholds, new String[] {"org_id"}, "left")
            .withColumn(
                "change_value_rc",
                when(setsAmount, col("action_value")).cast(WritebackActions.MONEY))
            .withColumn(
                "change_value",
                when(setsAmount, col("action_value").divide(col("budget_fx_rate")))
                    .cast(WritebackActions.MONEY))
            .withColumn("currency", col("budget_currency"))
            .withColumn("entity_name", coalesce(col("setup_name"), col("pacing_entity_name")))
            .withColumn(
                "approval_threshold", col("approval_threshold").cast(WritebackActions.MONEY))
            // an org without a threshold (not in the registry any more) gets the stricter rule
            .withColumn(
                "needs_second_person",
                setsAmount.and(
                    coalesce(col("change_value_rc").gt(col("approval_threshold")), lit(true))))
            .withColumn(
                "action_id",
                substring(
                    sha2(
                        concat_ws(
                            "|",
                            col("alert_id"),
                            col("alert_first_seen_date").cast("string"),
                            col("change_type"),
                            coalesce(col("change_value").cast("string"), lit(""))),
                        256),
                    1,
                    24))
            .withColumn("blocked_reason", blockedReason(setsAmount))
            .withColumn("status", lit(ActionStatus.PROPOSED.code()))
            .withColumn("requested_by", lit(requestedBy))
            .withColumn("planned_at", lit(Timestamp.from(at)))
            .withColumn("attempts", lit(0))
            .withColumn("updated_at", lit(Timestamp.from(at)));

    List<Column> columns = new ArrayList<>();
    for (StructField field : WritebackActions.SCHEMA.fields()) {
      columns.add(
          Arrays.asList(joined.columns()).contains(field.name())
              ? col(field.name()).cast(field.dataType())
              : lit(null).cast(field.dataType()).as(field.name()));
    }
    columns.add(col("blocked_reason"));
    return joined.select(columns.toArray(Column[]::new));
  }

  private static Column blockedReason(Column setsAmount) {
    Column supported =
        col("platform")
            .equalTo(Platform.DV360.code())
            .and(col("entity_type").equalTo(SetupEntities.LINE_ITEM))
            .or(
                col("platform")
                    .equalTo(Platform.TTD.code())
                    .and(col("entity_type").equalTo(SetupEntities.AD_GROUP)))
            .or(
                col("platform")
                    .equalTo(Platform.META.code())
                    .and(col("entity_type").equalTo(SetupEntities.AD_SET)));
    return when(
            not(supported),
            concat(
                lit("write-back changes DV360 line items, TTD ad groups and Meta ad sets, not "),
                concat_ws(" ", col("platform"), col("entity_type"))))
        .when(
            col("entity_id").rlike("^[A-Za-z0-9_-]{1,64}$").equalTo(false),
            concat(lit("'"), col("entity_id"), lit("' is not a platform id")))
        .when(
            col("platform").equalTo(Platform.DV360.code()).and(col("advertiser_id").isNull()),
            lit(
                "its advertiser is unknown: silver.delivery_daily has no delivery of this line item"))
        .when(
            setsAmount.and(col("budget_fx_rate").isNull()),
            lit(
                "gold.pacing has no rate from the entity's currency on the alert's day, so the amount cannot be converted"))
        .when(
            setsAmount.and(col("change_value").isNull()),
            lit("the rule's amount is null on this day"))
        .when(
            setsAmount.and(col("change_value").leq(0)),
            concat(
                lit("the rule proposes "),
                col("change_value_rc").cast("string"),
                lit(", not a positive amount")))
        .otherwise(cannotWork());
  }

  /**
   * Why the change could not have its intended effect on the entity as setup knows it (the same
   * rules execute applies to what the platform reports then): resuming a line item under an
   * inactive insertion order, a money budget on an impression, unlimited or campaign-allocated
   * budget, a Meta budget of the kind the ad set does not have, a DV360 daily cap without daily
   * pacing.
   */
  private static Column cannotWork() {
    Column type = col("change_type");
    Column budget = col("setup_budget_type");
    Column dv360 = col("platform").equalTo(Platform.DV360.code());
    Column meta = col("platform").equalTo(Platform.META.code());
    return when(
            dv360
                .and(type.equalTo(ChangeType.RESUME.code()))
                .and(col("parent_status").isNotNull())
                .and(col("parent_status").notEqual("Active")),
            concat(
                lit("its insertion order "),
                col("parent_entity_id"),
                lit(" is "),
                col("parent_status"),
                lit(": " + Refusals.UNDER_INACTIVE_INSERTION_ORDER)))
        .when(
            type.equalTo(ChangeType.SET_BUDGET.code()).and(budget.equalTo("Impressions")),
            lit(Refusals.IMPRESSION_BUDGET))
        .when(
            type.equalTo(ChangeType.SET_BUDGET.code()).and(budget.equalTo("Campaign")),
            lit(Refusals.CAMPAIGN_BUDGET))
        .when(
            type.equalTo(ChangeType.SET_BUDGET.code()).and(budget.equalTo("Unlimited")),
            lit("its budget is unlimited: there is no amount to set"))
        .when(
            meta.and(type.equalTo(ChangeType.SET_BUDGET.code())).and(budget.equalTo("Daily")),
            lit("a daily-budget ad set has no lifetime budget; set its daily budget instead"))
        .when(
            type.equalTo(ChangeType.SET_DAILY_CAP.code()).and(budget.equalTo("Campaign")),
            lit(
                "it has no budget of its own: its campaign allocates the budget; change the campaign instead"))
        .when(
            meta.and(type.equalTo(ChangeType.SET_DAILY_CAP.code())).and(budget.equalTo("Amount")),
            lit("a lifetime-budget ad set has no daily budget; set its lifetime budget instead"))
        .when(
            dv360
                .and(type.equalTo(ChangeType.SET_DAILY_CAP.code()))
                .and(col("setup_pacing").isNotNull())
                .and(col("setup_pacing").notEqual("Daily")),
            lit(
                "its pacing is per flight: DV360 applies a daily maximum (pacing.dailyMaxMicros) only with daily pacing"));
  }
}

package io.adlake.transforms.writeback;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.SharedSpark;
import io.adlake.transforms.alerts.AlertLifecycle;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proposals and the plan's next state on tiny frames: conversion, blocking reasons, the key,
 * supersede and withdraw.
 */
@ExtendWith(SharedSpark.class)
class WritebackPlanTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 7);
  private static final Instant AT = Instant.parse("2026-11-08T07:00:00Z");

  @Test
  void proposalsConvertToTheEntitysCurrencyAndSayWhyTheyCannotBeMade(SparkSession spark) {
    Map<String, Row> byAlert =
        proposals(
                spark,
                List.of(
                    alert("usd", "ttd", "ad_group", "ag1", "set_budget", "2400", DAY),
                    alert("small", "meta", "ad_set", "as1", "set_daily_cap", "80", DAY),
                    alert("no-adv", "dv360", "line_item", "999", "pause", null, DAY),
                    alert("no-fx", "meta", "ad_set", "as9", "set_daily_cap", "50", DAY),
                    alert("io", "dv360", "insertion_order", "7", "pause", null, DAY),
                    alert("null-value", "meta", "ad_set", "as1", "set_budget", null, DAY)),
                AT)
            .collectAsList()
            .stream()
            .collect(Collectors.toMap(r -> r.getAs("alert_id"), Function.identity()));

    Row usd = byAlert.get("usd");
    assertThat((BigDecimal) usd.getAs("change_value")).isEqualByComparingTo("3000.00");
    assertThat((BigDecimal) usd.getAs("change_value_rc")).isEqualByComparingTo("2400.00");
    assertThat((String) usd.getAs("currency")).isEqualTo("USD");
    assertThat((Boolean) usd.getAs("needs_second_person")).isTrue();
    assertThat((BigDecimal) usd.getAs("expected_budget")).isEqualByComparingTo("5000");
    assertThat((Object) usd.getAs("blocked_reason")).isNull();
    assertThat((Boolean) byAlert.get("small").getAs("needs_second_person")).isFalse();
    assertThat((String) byAlert.get("no-adv").getAs("blocked_reason"))
        .startsWith("its advertiser is unknown");
    assertThat((String) byAlert.get("no-fx").getAs("blocked_reason"))
        .startsWith("gold.pacing has no rate");
    assertThat((String) byAlert.get("io").getAs("blocked_reason"))
        .endsWith("not dv360 insertion_order");
    assertThat((String) byAlert.get("null-value").getAs("blocked_reason"))
        .isEqualTo("the rule's amount is null on this day");
  }

  @Test
  void aChangeThatCouldNotHaveItsEffectIsRefusedAtPlanTimeWithTheReason(SparkSession spark) {
    Map<String, Row> byAlert =
        proposals(
                spark,
                List.of(
                    alert("resume", "dv360", "line_item", "111", "resume", null, DAY),
                    alert("impressions", "dv360", "line_item", "111", "set_budget", "500", DAY),
                    alert("flight", "dv360", "line_item", "111", "set_daily_cap", "50", DAY),
                    alert("kokai", "ttd", "ad_group", "ag2", "set_budget", "900", DAY),
                    alert("lifetime-on-daily", "meta", "ad_set", "as1", "set_budget", "900", DAY),
                    alert("daily-on-daily", "meta", "ad_set", "as1", "set_daily_cap", "90", DAY),
                    alert("pause", "dv360", "line_item", "111", "pause", null, DAY)),
                AT)
            .collectAsList()
            .stream()
            .collect(Collectors.toMap(r -> r.getAs("alert_id"), Function.identity()));

    assertThat((String) byAlert.get("resume").getAs("blocked_reason"))
        .isEqualTo(
            "its insertion order 7 is Paused: a line item under a paused or archived insertion order does not serve even when active; resume the insertion order first");
    assertThat((String) byAlert.get("impressions").getAs("blocked_reason"))
        .startsWith("its budget counts impressions, not money");
    assertThat((String) byAlert.get("flight").getAs("blocked_reason"))
        .contains("only with daily pacing");
    assertThat((String) byAlert.get("kokai").getAs("blocked_reason"))
        .startsWith("it has no budget of its own: its campaign allocates the budget");
    assertThat((String) byAlert.get("lifetime-on-daily").getAs("blocked_reason"))
        .startsWith("a daily-budget ad set has no lifetime budget");
    assertThat((Object) byAlert.get("daily-on-daily").getAs("blocked_reason")).isNull();
    assertThat((Object) byAlert.get("pause").getAs("blocked_reason"))
        .as("pausing works under any insertion order")
        .isNull();
  }

  @Test
  void theActionIdIsTheAlertsEpisodeAndTheChange(SparkSession spark) {
    String first =
        id(
            proposals(
                spark,
                List.of(alert("a", "meta", "ad_set", "as1", "set_daily_cap", "80", DAY)),
                AT));
    String later =
        id(
            proposals(
                spark,
                List.of(alert("a", "meta", "ad_set", "as1", "set_daily_cap", "80", DAY)),
                AT.plusSeconds(86_400)));
    String otherValue =
        id(
            proposals(
                spark,
                List.of(alert("a", "meta", "ad_set", "as1", "set_daily_cap", "81", DAY)),
                AT));
    String newEpisode =
        id(
            proposals(
                spark,
                List.of(
                    alert("a", "meta", "ad_set", "as1", "set_daily_cap", "80", DAY.plusDays(3))),
                AT));

    assertThat(later).as("planned again later").isEqualTo(first);
    assertThat(otherValue).isNotEqualTo(first);
    assertThat(newEpisode).as("the alert closed and opened again").isNotEqualTo(first);
  }

  @Test
  void nextSupersedesWithdrawsRevivesAndLeavesExecutedActionsAlone(SparkSession spark) {
    Dataset<Row> at80 =
        proposals(
            spark,
            List.of(
                alert("a", "meta", "ad_set", "as1", "set_daily_cap", "80", DAY),
                alert("b", "meta", "ad_set", "as1", "pause", null, DAY)),
            AT);
    Dataset<Row> recorded = WritebackPlan.next(empty(spark), at80, AT).localCheckpoint();
    assertThat(recorded.count()).isEqualTo(2);
    assertThat(WritebackPlan.next(recorded, at80, AT).count()).as("nothing twice").isZero();

    Dataset<Row> approved =
        recorded.withColumn("status", lit(ActionStatus.APPROVED.code())).localCheckpoint();
    Dataset<Row> at90 =
        proposals(
            spark, List.of(alert("a", "meta", "ad_set", "as1", "set_daily_cap", "90", DAY)), AT);
    Map<String, Row> changed = byStatus(WritebackPlan.next(approved, at90, AT));
    assertThat(changed)
        .containsOnlyKeys(
            ActionStatus.PROPOSED.code(),
            ActionStatus.SUPERSEDED.code(),
            ActionStatus.WITHDRAWN.code());
    assertThat((String) changed.get(ActionStatus.SUPERSEDED.code()).getAs("superseded_by"))
        .isEqualTo(changed.get(ActionStatus.PROPOSED.code()).getAs("action_id"));
    assertThat((String) changed.get(ActionStatus.WITHDRAWN.code()).getAs("alert_id"))
        .as("b no longer proposes")
        .isEqualTo("b");

    Dataset<Row> afterwards =
        approved.withColumn("status", lit(ActionStatus.SUPERSEDED.code())).localCheckpoint();
    Dataset<Row> aAt80 =
        proposals(
            spark, List.of(alert("a", "meta", "ad_set", "as1", "set_daily_cap", "80", DAY)), AT);
    assertThat(
            byStatus(
                WritebackPlan.next(afterwards.filter(col("alert_id").equalTo("a")), aAt80, AT)))
        .as("80 proposed again: the superseded action is proposed anew")
        .containsOnlyKeys(ActionStatus.PROPOSED.code());

    Dataset<Row> executing =
        recorded.withColumn("status", lit(ActionStatus.EXECUTING.code())).localCheckpoint();
    assertThat(WritebackPlan.next(executing, proposals(spark, List.of(), AT), AT).count())
        .as("an action past approval is never withdrawn")
        .isZero();
  }

  private static Map<String, Row> byStatus(Dataset<Row> rows) {
    return rows.collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("status"), Function.identity()));
  }

  private static String id(Dataset<Row> proposals) {
    return proposals.first().getAs("action_id");
  }

  private static Dataset<Row> empty(SparkSession spark) {
    return spark.createDataFrame(List.of(), WritebackActions.SCHEMA);
  }

  private static Dataset<Row> proposals(SparkSession spark, List<Row> alerts, Instant at) {
    StructType pacing =
        new StructType()
            .add("org_id", DataTypes.StringType)
            .add("as_of_date", DataTypes.DateType)
            .add("entity_type", DataTypes.StringType)
            .add("platform", DataTypes.StringType)
            .add("entity_id", DataTypes.StringType)
            .add("entity_name", DataTypes.StringType)
            .add("reporting_currency", DataTypes.StringType)
            .add("budget_currency", DataTypes.StringType)
            .add("budget_fx_rate", DataTypes.createDecimalType(20, 10));
    StructType setup =
        new StructType()
            .add("org_id", DataTypes.StringType)
            .add("platform", DataTypes.StringType)
            .add("entity_type", DataTypes.StringType)
            .add("entity_id", DataTypes.StringType)
            .add("name", DataTypes.StringType)
            .add("status", DataTypes.StringType)
            .add("budget_amount", DataTypes.createDecimalType(20, 6))
            .add("daily_budget_amount", DataTypes.createDecimalType(20, 6))
            .add("parent_entity_id", DataTypes.StringType)
            .add("budget_type", DataTypes.StringType)
            .add("pacing", DataTypes.StringType);
    StructType delivery =
        new StructType()
            .add("org_id", DataTypes.StringType)
            .add("platform", DataTypes.StringType)
            .add("advertiser_id", DataTypes.StringType)
            .add("line_item_id", DataTypes.StringType);
    StructType thresholds =
        new StructType()
            .add("org_id", DataTypes.StringType)
            .add("approval_threshold", DataTypes.createDecimalType(20, 2));
    return WritebackProposals.from(
            spark.createDataFrame(alerts, AlertLifecycle.SCHEMA),
            spark.createDataFrame(
                List.of(
                    RowFactory.create(
                        "acme",
                        Date.valueOf(DAY),
                        "ad_group",
                        "ttd",
                        "ag1",
                        "AG",
                        "EUR",
                        "USD",
                        new BigDecimal("0.8")),
                    RowFactory.create(
                        "acme",
                        Date.valueOf(DAY),
                        "ad_set",
                        "meta",
                        "as1",
                        "AS",
                        "EUR",
                        "EUR",
                        BigDecimal.ONE),
                    RowFactory.create(
                        "acme",
                        Date.valueOf(DAY),
                        "ad_set",
                        "meta",
                        "as9",
                        "AS",
                        "EUR",
                        "GBP",
                        null),
                    RowFactory.create(
                        "acme",
                        Date.valueOf(DAY),
                        "line_item",
                        "dv360",
                        "111",
                        "LI",
                        "EUR",
                        "EUR",
                        BigDecimal.ONE),
                    RowFactory.create(
                        "acme",
                        Date.valueOf(DAY),
                        "ad_group",
                        "ttd",
                        "ag2",
                        "AG",
                        "EUR",
                        "USD",
                        new BigDecimal("0.8"))),
                pacing),
            spark.createDataFrame(
                List.of(
                    RowFactory.create(
                        "acme",
                        "ttd",
                        "ad_group",
                        "ag1",
                        "AG 1",
                        "Active",
                        new BigDecimal("5000"),
                        null,
                        "c1",
                        "Amount",
                        null),
                    RowFactory.create(
                        "acme",
                        "ttd",
                        "ad_group",
                        "ag2",
                        "AG 2",
                        "Active",
                        null,
                        null,
                        "c2",
                        "Campaign",
                        null),
                    RowFactory.create(
                        "acme",
                        "meta",
                        "ad_set",
                        "as1",
                        "AS 1",
                        "Active",
                        null,
                        new BigDecimal("50"),
                        "c3",
                        "Daily",
                        "standard"),
                    RowFactory.create(
                        "acme",
                        "dv360",
                        "insertion_order",
                        "7",
                        "IO 7",
                        "Paused",
                        new BigDecimal("9000"),
                        null,
                        "5",
                        "Amount",
                        "Flight"),
                    RowFactory.create(
                        "acme",
                        "dv360",
                        "line_item",
                        "111",
                        "LI 111",
                        "Paused",
                        new BigDecimal("200000"),
                        null,
                        "7",
                        "Impressions",
                        "Flight")),
                setup),
            spark.createDataFrame(
                List.of(RowFactory.create("acme", "dv360", "42", "111")), delivery),
            spark.createDataFrame(
                List.of(RowFactory.create("acme", new BigDecimal("1000.00"))), thresholds),
            at,
            "planner")
        .localCheckpoint();
  }

  private static Row alert(
      String id,
      String platform,
      String type,
      String entityId,
      String action,
      String value,
      LocalDate firstSeen) {
    Timestamp seen = Timestamp.from(AT);
    BigDecimal amount = value == null ? null : new BigDecimal(value);
    return RowFactory.create(
        id,
        "rule",
        "v1",
        "acme",
        "pacing",
        platform,
        type,
        entityId,
        "high",
        "T",
        AlertLifecycle.OPEN,
        Date.valueOf(firstSeen),
        Date.valueOf(DAY),
        1,
        seen,
        seen,
        null,
        null,
        null,
        null,
        Map.of(),
        action,
        amount,
        action,
        null,
        null);
  }
}

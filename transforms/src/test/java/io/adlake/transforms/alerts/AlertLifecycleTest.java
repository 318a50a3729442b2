package io.adlake.transforms.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adlake.catalog.SharedSpark;
import io.adlake.model.config.AlertRuleSpec;
import io.adlake.model.config.RuleAction;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class AlertLifecycleTest {

  private static final LocalDate D1 = LocalDate.of(2026, 11, 2);
  private static final AlertRule BEHIND =
      AlertRule.compile(
          new AlertRuleSpec(
              "behind",
              "pacing",
              "pacing_index < 0.9",
              "high",
              "Behind plan",
              null,
              new RuleAction("set_daily_cap", "required_daily_spend * 1.1")));
  private static final StructType PACING =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("as_of_date", DataTypes.DateType)
          .add("platform", DataTypes.StringType)
          .add("entity_type", DataTypes.StringType)
          .add("entity_id", DataTypes.StringType)
          .add("pacing_index", DataTypes.createDecimalType(20, 10))
          .add("required_daily_spend", DataTypes.createDecimalType(20, 6));

  /** Pacing of org acme on a day: entity id to pacing index. */
  private static Dataset<Row> pacing(
      SparkSession spark, LocalDate day, Map<String, String> indexes) {
    List<Row> rows = new ArrayList<>();
    indexes.forEach(
        (id, index) ->
            rows.add(
                RowFactory.create(
                    "acme",
                    Date.valueOf(day),
                    "dv360",
                    "line_item",
                    id,
                    new BigDecimal(index),
                    new BigDecimal("100"))));
    rows.add(
        RowFactory.create(
            "other-org",
            Date.valueOf(day),
            "dv360",
            "line_item",
            "li1",
            new BigDecimal("0.1"),
            new BigDecimal("100")));
    return spark.createDataFrame(rows, PACING);
  }

  private static Dataset<Row> evaluate(
      SparkSession spark,
      Dataset<Row> existing,
      LocalDate day,
      Map<String, String> indexes,
      boolean evaluated) {
    Dataset<Row> hits = AlertHits.find(pacing(spark, day, indexes), BEHIND, List.of("acme"), day);
    Dataset<Row> ran =
        spark.createDataFrame(
            evaluated ? List.of(RowFactory.create("behind", "acme")) : List.of(),
            new StructType()
                .add("rule_id", DataTypes.StringType)
                .add("org_id", DataTypes.StringType));
    if (!evaluated) {
      hits = hits.limit(0);
    }
    return AlertLifecycle.next(existing, hits, ran, day, Instant.parse(day + "T07:00:00Z"))
        .localCheckpoint();
  }

  private static Map<String, Row> byEntity(Dataset<Row> alerts) {
    Map<String, Row> out = new LinkedHashMap<>();
    alerts.collectAsList().forEach(r -> out.put(r.getAs("entity_id"), r));
    return out;
  }

  private static String state(Row r) {
    return r.getAs("status")
        + " "
        + r.getAs("first_seen_date")
        + ".."
        + r.getAs("last_seen_date")
        + " x"
        + r.getAs("days_seen");
  }

  @Test
  void anAlertOpensOnceStaysOpenWhileTrueAndResolvesWhenFalse(SparkSession spark) {
    Dataset<Row> none = spark.createDataFrame(List.of(), AlertLifecycle.SCHEMA);

    Dataset<Row> day1 =
        evaluate(spark, none, D1, Map.of("li1", "0.5", "li2", "0.8", "li3", "1.0"), true);
    Map<String, Row> a1 = byEntity(day1);
    assertThat(a1.keySet())
        .containsExactlyInAnyOrder("li1", "li2"); // another org's line is not acme's alert
    assertThat(state(a1.get("li1"))).isEqualTo("open 2026-11-02..2026-11-02 x1");
    Row li1 = a1.get("li1");
    assertThat(li1.<String>getAs("alert_id")).hasSize(24);
    assertThat(li1.<String>getAs("rule_version")).isEqualTo(BEHIND.version());
    assertThat(li1.<String, String>getJavaMap(li1.fieldIndex("observed")))
        .containsOnly(
            Map.entry("pacing_index", "0.5000000000"),
            Map.entry("required_daily_spend", "100.000000"));
    assertThat(li1.<String>getAs("proposed_action")).isEqualTo("set_daily_cap 110.00");

    // The same day again: the same alerts, same ids, nothing new to tell.
    Map<String, Row> again =
        byEntity(evaluate(spark, day1, D1, Map.of("li1", "0.5", "li2", "0.8", "li3", "1.0"), true));
    assertThat(again.get("li1").<String>getAs("alert_id")).isEqualTo(li1.getAs("alert_id"));
    assertThat(again.values())
        .extracting(AlertLifecycleTest::state)
        .containsExactlyInAnyOrder(
            "open 2026-11-02..2026-11-02 x1", "open 2026-11-02..2026-11-02 x1");

    Dataset<Row> day2 =
        evaluate(spark, day1, D1.plusDays(1), Map.of("li1", "0.6", "li2", "0.95"), true);
    Map<String, Row> a2 = byEntity(day2);
    assertThat(state(a2.get("li1"))).isEqualTo("open 2026-11-02..2026-11-03 x2");
    assertThat(state(a2.get("li2"))).isEqualTo("resolved 2026-11-02..2026-11-02 x1");
    assertThat(a2.get("li2").<Date>getAs("resolved_date")).isEqualTo(Date.valueOf(D1.plusDays(1)));

    // Not evaluated (outside its schedule): nothing changes, li1 is not resolved for want of a
    // look.
    Dataset<Row> day3 = evaluate(spark, day2, D1.plusDays(2), Map.of(), false);
    assertThat(byEntity(day3).values())
        .extracting(AlertLifecycleTest::state)
        .containsExactlyInAnyOrder(
            "open 2026-11-02..2026-11-03 x2", "resolved 2026-11-02..2026-11-02 x1");

    // An older day evaluated late does not close what a newer day found.
    assertThat(state(byEntity(evaluate(spark, day2, D1, Map.of(), true)).get("li1")))
        .startsWith("open");

    // li2 behind again: a new episode of the same alert id, open from today.
    Map<String, Row> a4 =
        byEntity(evaluate(spark, day3, D1.plusDays(3), Map.of("li1", "0.6", "li2", "0.7"), true));
    assertThat(state(a4.get("li2"))).isEqualTo("open 2026-11-05..2026-11-05 x1");
    assertThat(a4.get("li2").<String>getAs("alert_id")).isEqualTo(a2.get("li2").getAs("alert_id"));
    assertThat(a4.get("li2").<Object>getAs("resolved_date")).isNull();
  }

  @Test
  void anAcknowledgedAlertStaysAcknowledgedWhileTrue(SparkSession spark) {
    Dataset<Row> day1 =
        evaluate(
            spark,
            spark.createDataFrame(List.of(), AlertLifecycle.SCHEMA),
            D1,
            Map.of("li1", "0.5"),
            true);
    Dataset<Row> acked =
        day1.withColumn("status", org.apache.spark.sql.functions.lit(AlertLifecycle.ACKNOWLEDGED))
            .withColumn("acknowledged_by", org.apache.spark.sql.functions.lit("ops@acme"));
    Row li1 =
        byEntity(
                evaluate(
                    spark,
                    spark.createDataFrame(acked.rdd(), AlertLifecycle.SCHEMA),
                    D1.plusDays(1),
                    Map.of("li1", "0.5"),
                    true))
            .get("li1");
    assertThat(state(li1)).isEqualTo("acknowledged 2026-11-02..2026-11-03 x2");
    assertThat(li1.<String>getAs("acknowledged_by")).isEqualTo("ops@acme");
  }

  @Test
  void rulesThatCannotBeCompiledAreRefusedByName() {
    assertThatThrownBy(
            () ->
                AlertRule.compile(
                    new AlertRuleSpec(
                        "x", "bronze_dv360", "impressions > 0", null, null, null, null)))
        .hasMessageStartingWith(
            "rule x: unknown mart 'bronze_dv360'; rules read pacing, qa_findings");
    assertThatThrownBy(
            () ->
                AlertRule.compile(
                    new AlertRuleSpec(
                        "x", "pacing", "reflect('a','b') = 1", null, null, null, null)))
        .hasMessageStartingWith("rule x, when: 'reflect(' is a function call");
    assertThatThrownBy(
            () ->
                AlertRule.compile(
                    new AlertRuleSpec(
                        "x",
                        "margin_daily",
                        "margin_pct < 0.1",
                        null,
                        null,
                        null,
                        new RuleAction("pause", null))))
        .hasMessageContaining("an action needs a mart of platform entities");
    assertThatThrownBy(
            () ->
                AlertRule.compile(
                    new AlertRuleSpec(
                        "x",
                        "pacing",
                        "pacing_index < 1",
                        null,
                        null,
                        null,
                        new RuleAction("set_budget", "status"))))
        .hasMessageStartingWith("rule x, action value: the value is a text, not a number");
  }
}

package io.adlake.transforms.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adlake.catalog.SharedSpark;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(SharedSpark.class)
class RuleCompilerTest {

  private static final Map<String, RuleType> PACING =
      Map.of(
          "entity_id", RuleType.TEXT,
          "pacing_index", RuleType.NUMBER,
          "remaining_days", RuleType.NUMBER,
          "spend_to_date", RuleType.NUMBER,
          "budget", RuleType.NUMBER,
          "status", RuleType.TEXT,
          "flight_end", RuleType.DATE,
          "ahead_by_design", RuleType.BOOLEAN);

  private static final StructType SCHEMA =
      new StructType()
          .add("entity_id", DataTypes.StringType)
          .add("pacing_index", DataTypes.createDecimalType(12, 4))
          .add("remaining_days", DataTypes.IntegerType)
          .add("spend_to_date", DataTypes.createDecimalType(18, 2))
          .add("budget", DataTypes.createDecimalType(18, 2))
          .add("status", DataTypes.StringType)
          .add("flight_end", DataTypes.DateType)
          .add("ahead_by_design", DataTypes.BooleanType)
          .add("secret_column", DataTypes.StringType);

  private static Dataset<Row> lines(SparkSession spark) {
    return spark.createDataFrame(
        List.of(
            line("late_under", "0.80", 5, "800", "2000", "under", "2026-11-12", false),
            line("early_under", "0.80", 20, "300", "2000", "under", "2026-11-27", false),
            line("on_track", "1.00", 5, "1000", "2000", "on_track", "2026-11-12", false),
            line("over_budget", "1.30", 2, "2100", "2000", "over", "2026-11-09", true),
            line("o'brien", null, null, null, null, null, null, null)),
        SCHEMA);
  }

  private static Row line(
      String id,
      String index,
      Integer remaining,
      String spend,
      String budget,
      String status,
      String end,
      Boolean byDesign) {
    return RowFactory.create(
        id,
        index == null ? null : new BigDecimal(index),
        remaining,
        spend == null ? null : new BigDecimal(spend),
        budget == null ? null : new BigDecimal(budget),
        status,
        end == null ? null : Date.valueOf(end),
        byDesign,
        "x");
  }

  private static List<String> matching(SparkSession spark, String rule) {
    RuleCompiler.Compiled compiled = RuleCompiler.compile(rule, PACING);
    return lines(spark)
        .filter(compiled.condition())
        .select("entity_id")
        .as(Encoders.STRING())
        .collectAsList();
  }

  @Test
  void conditionsSelectWhatTheySay(SparkSession spark) {
    assertThat(matching(spark, "pacing_index < 0.9 and remaining_days <= 7"))
        .containsExactly("late_under");
    assertThat(matching(spark, "pacing_index < .9 AND NOT remaining_days > 7"))
        .containsExactly("late_under");
    assertThat(matching(spark, "status in ('under', 'over') and not (entity_id = 'early_under')"))
        .containsExactlyInAnyOrder("late_under", "over_budget");
    assertThat(matching(spark, "spend_to_date > budget * 1.0 or ahead_by_design = true"))
        .containsExactly("over_budget");
    assertThat(matching(spark, "budget - spend_to_date between 1000 and 1200"))
        .containsExactly("late_under", "on_track");
    assertThat(matching(spark, "flight_end <= '2026-11-12' and status != 'on_track'"))
        .containsExactlyInAnyOrder("late_under", "over_budget");
    assertThat(matching(spark, "pacing_index is null")).containsExactly("o'brien");
    assertThat(matching(spark, "entity_id = 'o''brien'")).containsExactly("o'brien");
    assertThat(matching(spark, "status not in ('under')"))
        .containsExactlyInAnyOrder("on_track", "over_budget"); // null is not "not under"
    assertThat(matching(spark, "-pacing_index < -1.2")).containsExactly("over_budget");
    assertThat(matching(spark, "spend_to_date / (budget - 2000) > 0"))
        .isEmpty(); // division by zero is null, not an error
  }

  @Test
  void theCompiledRuleNamesTheColumnsItReads() {
    assertThat(
            RuleCompiler.compile(
                    "pacing_index < 0.9 and remaining_days <= 7 and pacing_index > 0", PACING)
                .columns())
        .containsExactly("pacing_index", "remaining_days");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "pacing_index < 0.9; drop table gold.pacing",
        "pacing_index < 0.9 -- and remaining_days <= 7",
        "pacing_index < 0.9 /* comment */",
        "reflect('java.lang.Runtime', 'getRuntime')",
        "java_method('java.lang.System', 'exit', 1) = 1",
        "status = 'a' or 1 = 1 union select * from ops.audit_log",
        "`status` = 'under'",
        "\"status\" = 'under'",
        "status = 'under",
        "secret_column = 'x'",
        "ops.audit_log.status = 'x'",
        "status = ${injected}",
        "pacing_index < 0.9e10",
        "status",
        "pacing_index + 1",
        "status < 3",
        "status = 'under' and pacing_index",
        "ahead_by_design > false",
        "flight_end < 'next tuesday'",
        "exists(select 1)",
        "pacing_index < 0.9 and",
        "(pacing_index < 0.9",
        "status in ()",
        "",
        "   "
      })
  void anythingOutsideTheLanguageIsRefusedWithAReason(String rule) {
    assertThatThrownBy(() -> RuleCompiler.compile(rule, PACING))
        .isInstanceOf(RuleException.class)
        .hasMessageNotContaining("Exception");
  }

  @Test
  void refusalsSayWhatAndWhere() {
    assertThatThrownBy(
            () -> RuleCompiler.compile("reflect('java.lang.Runtime', 'exec', 'rm')", PACING))
        .hasMessage(
            "'reflect(' is a function call; rules have no functions, only columns, values and operators (at character 1)");
    assertThatThrownBy(
            () -> RuleCompiler.compile("pacing_index < 0.9 and secret_column = 'x'", PACING))
        .hasMessageStartingWith(
            "unknown column 'secret_column'; this mart allows ahead_by_design, budget, entity_id, flight_end,")
        .hasMessageEndingWith("(at character 24)");
    assertThatThrownBy(() -> RuleCompiler.compile("pacing_index < 0.9; drop table x", PACING))
        .hasMessage("';' is not part of the rule language (at character 19)");
    assertThatThrownBy(() -> RuleCompiler.compile("status < 3", PACING))
        .hasMessage("'<' compares a text with a number (at character 8)");
  }

  @Test
  void hugeInputsAreRefusedBeforeTheyCostAnything() {
    String longText = "pacing_index < 1 or ".repeat(60) + "pacing_index < 1";
    assertThatThrownBy(() -> RuleCompiler.compile(longText, PACING))
        .hasMessageContaining("characters long; at most 1000");
    String manyTokens = "1=1 and ".repeat(50) + "1=1";
    assertThatThrownBy(() -> RuleCompiler.compile(manyTokens, PACING))
        .hasMessageContaining("more than 200 tokens");
    String deep = "(".repeat(30) + "pacing_index < 1" + ")".repeat(30);
    assertThatThrownBy(() -> RuleCompiler.compile(deep, PACING))
        .hasMessageContaining("nests deeper than 24");
    String negations = "not ".repeat(100) + "pacing_index < 1";
    assertThatThrownBy(() -> RuleCompiler.compile(negations, PACING))
        .hasMessageContaining("nests deeper than 24");
    String bigString = "status = '" + "x".repeat(300) + "'";
    assertThatThrownBy(() -> RuleCompiler.compile(bigString, PACING))
        .hasMessageContaining("a string of 300 characters");
    assertThatThrownBy(() -> RuleCompiler.compile("pacing_index < " + "9".repeat(40), PACING))
        .hasMessageContaining("more than 24 digits");
    assertThatThrownBy(() -> RuleCompiler.compile(null, PACING))
        .hasMessage("the condition is empty");
  }
}

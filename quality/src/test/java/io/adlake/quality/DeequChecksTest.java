package io.adlake.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.SharedSpark;
import io.adlake.model.config.CheckSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

@ExtendWith(SharedSpark.class)
class DeequChecksTest {

  /** A delivery frame's columns, for the check tests of this package. */
  static final StructType DELIVERY =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("report_date", DataTypes.StringType)
          .add("platform", DataTypes.StringType)
          .add("impressions", DataTypes.LongType)
          .add("cost", DataTypes.DoubleType);

  @Test
  void eachConstraintFindsItsOwnFaultAndOnlyThat(SparkSession spark) {
    Dataset<Row> rows =
        spark.createDataFrame(
            List.of(
                RowFactory.create("acme", "2026-11-02", "dv360", 100L, 1.5),
                RowFactory.create(
                    "acme", "2026-11-02", "ttd", 50L, -0.5), // a credit: negative cost
                RowFactory.create(
                    "ghost", "2026-11-02", "dv360", 10L, 0.1), // an org nobody registered
                RowFactory.create(
                    "acme",
                    "2026-11-03",
                    "tiktok",
                    null,
                    2.0), // unknown platform, impressions missing
                RowFactory.create(
                    "acme", "2026-11-03", "tiktok", 7L, 2.0)), // same grain as the row before
            DELIVERY);
    List<CheckSpec> specs =
        List.of(
            spec("complete", List.of("impressions"), List.of(), "error"),
            spec("non_negative", List.of("impressions", "cost"), List.of(), "error"),
            spec("allowed_values", List.of("platform"), List.of("dv360", "ttd", "meta"), "warning"),
            spec("known_org", List.of(), List.of(), "error"));

    List<ConstraintOutcome> outcomes =
        DeequChecks.verify(
            "silver.t", rows, List.of("org_id", "report_date", "platform"), specs, Set.of("acme"));

    Map<String, List<ConstraintOutcome>> byCheck =
        outcomes.stream().collect(Collectors.groupingBy(ConstraintOutcome::check));
    assertThat(byCheck.get("grain(org_id,report_date,platform)"))
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.failed()).isTrue();
              assertThat(o.level()).isEqualTo("error");
            });
    // 4 of 5 impressions present
    assertThat(byCheck.get("complete(impressions)"))
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.failed()).isTrue();
              assertThat(o.metricValue()).isEqualTo(0.8);
            });
    Map<String, Boolean> nonNegative =
        byCheck.get("non_negative(impressions,cost)").stream()
            .collect(Collectors.toMap(ConstraintOutcome::constraint, ConstraintOutcome::failed));
    assertThat(nonNegative).hasSize(2);
    assertThat(nonNegative.entrySet())
        .anySatisfy(
            e -> {
              assertThat(e.getKey()).contains("cost");
              assertThat(e.getValue()).isTrue();
            });
    assertThat(nonNegative.entrySet())
        .anySatisfy(
            e -> {
              assertThat(e.getKey()).contains("impressions");
              assertThat(e.getValue()).isFalse(); // a null is not negative
            });
    assertThat(byCheck.get("allowed_values(platform)"))
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.failed()).isTrue();
              assertThat(o.blocksPublish()).isFalse(); // a warning is reported, never blocks
              assertThat(o.metricValue()).isEqualTo(0.6);
            });
    assertThat(byCheck.get("known_org(org_id)"))
        .singleElement()
        .satisfies(o -> assertThat(o.metricValue()).isEqualTo(0.8));
  }

  @Test
  void aCleanFramePassesEveryConstraint(SparkSession spark) {
    Dataset<Row> rows =
        spark.createDataFrame(
            List.of(
                RowFactory.create("acme", "2026-11-02", "dv360", 100L, 1.5),
                RowFactory.create("acme", "2026-11-02", "meta", 0L, 0.0)),
            DELIVERY);
    List<ConstraintOutcome> outcomes =
        DeequChecks.verify(
            "silver.t",
            rows,
            List.of("org_id", "report_date", "platform"),
            List.of(
                spec("complete", List.of("impressions", "cost"), List.of(), "error"),
                spec("non_negative", List.of("cost"), List.of(), "error")),
            Set.of("acme"));
    assertThat(outcomes).hasSize(4).allSatisfy(o -> assertThat(o.status()).isEqualTo("success"));
  }

  @Test
  void referencesFindRowsWithoutAParent(SparkSession spark) {
    Dataset<Row> gold =
        spark.createDataFrame(
            List.of(
                RowFactory.create("acme", "2026-11-02", "dv360", 1L, 1.0),
                RowFactory.create("acme", "2026-11-09", "dv360", 1L, 1.0)),
            DELIVERY);
    Dataset<Row> silver =
        spark.createDataFrame(
            List.of(RowFactory.create("acme", "2026-11-02", "dv360", 1L, 1.0)), DELIVERY);
    CheckSpec spec =
        new CheckSpec(
            "references",
            List.of("org_id", "report_date"),
            null,
            "silver.delivery_daily",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    ConstraintOutcome missing = DeequChecks.references("gold.t", gold, spec, silver);
    ConstraintOutcome found = DeequChecks.references("gold.t", gold.limit(1), spec, silver);

    assertThat(missing.failed()).isTrue();
    assertThat(missing.message()).contains("0.5").contains("silver.delivery_daily");
    assertThat(found.failed()).isFalse();
  }

  @Test
  void rateOfChangeFlagsADropAgainstThePreviousDay() {
    CheckSpec rate = anomaly("rate_of_change", 0.5, 2.0, null, null);
    List<Double> history = List.of(100.0, 110.0, 120.0);
    assertThat(DeequChecks.anomalous(rate, history, 125.0)).isEmpty();
    assertThat(DeequChecks.anomalous(rate, history, 59.0)).isPresent(); // below half of 120
    assertThat(DeequChecks.anomalous(rate, history, 241.0)).isPresent(); // above twice 120
    assertThat(DeequChecks.anomalous(rate, history, 60.0)).isEmpty(); // exactly half is allowed
  }

  @Test
  void bandFlagsAValueFarOutsideRecentHistory() {
    CheckSpec band = anomaly("band", null, null, 3.0, 5);
    List<Double> history = List.of(100.0, 104.0, 98.0, 101.0, 97.0, 103.0, 99.0);
    Function<Double, Boolean> flagged = v -> DeequChecks.anomalous(band, history, v).isPresent();
    assertThat(flagged.apply(102.0)).isFalse();
    assertThat(flagged.apply(0.0)).isTrue(); // an export that did not arrive
    assertThat(flagged.apply(400.0)).isTrue();
  }

  private static CheckSpec spec(
      String check, List<String> columns, List<String> values, String level) {
    return new CheckSpec(
        check, columns, values, null, null, null, null, null, null, null, null, null, level);
  }

  private static CheckSpec anomaly(
      String strategy, Double down, Double up, Double deviations, Integer minHistory) {
    return new CheckSpec(
        "anomaly",
        List.of("cost"),
        null,
        null,
        null,
        "sum",
        null,
        strategy,
        down,
        up,
        deviations,
        minHistory,
        "warning");
  }
}

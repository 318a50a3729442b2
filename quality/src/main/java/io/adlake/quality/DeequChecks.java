package io.adlake.quality;

import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.VerificationSuite;
import com.amazon.deequ.analyzers.AnalyzerOptions;
import com.amazon.deequ.analyzers.AnalyzerOptions$;
import com.amazon.deequ.analyzers.NullBehavior$;
import com.amazon.deequ.anomalydetection.Anomaly;
import com.amazon.deequ.anomalydetection.AnomalyDetectionStrategy;
import com.amazon.deequ.anomalydetection.AnomalyDetector;
import com.amazon.deequ.anomalydetection.BatchNormalStrategy;
import com.amazon.deequ.anomalydetection.DataPoint;
import com.amazon.deequ.anomalydetection.DetectionResult;
import com.amazon.deequ.anomalydetection.RelativeRateOfChangeStrategy;
import com.amazon.deequ.checks.Check;
import com.amazon.deequ.checks.Check$;
import com.amazon.deequ.checks.CheckLevel$;
import com.amazon.deequ.checks.CheckResult;
import com.amazon.deequ.comparison.ComparisonFailed;
import com.amazon.deequ.comparison.ComparisonResult;
import com.amazon.deequ.comparison.ComparisonSucceeded;
import com.amazon.deequ.comparison.ReferentialIntegrity;
import com.amazon.deequ.constraints.ConstraintResult;
import com.amazon.deequ.constraints.ConstraintStatus$;
import com.amazon.deequ.metrics.Metric;
import io.adlake.model.config.CheckSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Option;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * The one place adlake touches Deequ's Scala API. In: Spark frames and {@link CheckSpec}s. Out:
 * Java records. Nothing else in adlake imports {@code com.amazon.deequ}.
 */
public final class DeequChecks {
  private DeequChecks() {}

  /**
   * Runs the column checks (complete, unique, non_negative, allowed_values, known_org) and the
   * grain uniqueness in one Deequ verification, so Spark scans the rows once for all of them.
   *
   * @param grain the table's grain: unique together, a null counting as a value (as {@link
   *     io.adlake.catalog.tables.GrainCheck} does)
   */
  public static List<ConstraintOutcome> verify(
      String table,
      Dataset<Row> rows,
      List<String> grain,
      List<CheckSpec> specs,
      Set<String> knownOrgs) {
    Map<Check, String[]> checks = new LinkedHashMap<>();
    if (!grain.isEmpty()) {
      Check unique =
          new Check(CheckLevel$.MODULE$.Error(), grainName(grain), Check$.MODULE$.apply$default$3())
              .hasUniqueness(
                  seq(grain),
                  Check$.MODULE$.IsOne(),
                  Option.apply("the table's grain must be unique"),
                  Option.apply(nullsAsValues()));
      checks.put(unique, new String[] {grainName(grain), "error"});
    }
    for (CheckSpec spec : specs) {
      Check check =
          new Check(
              spec.isError() ? CheckLevel$.MODULE$.Error() : CheckLevel$.MODULE$.Warning(),
              spec.describe(),
              Check$.MODULE$.apply$default$3());
      switch (spec.check()) {
        case "complete" -> {
          for (String c : spec.columns()) {
            check = check.isComplete(c, Option.empty(), Option.empty());
          }
        }
        case "non_negative" -> {
          for (String c : spec.columns()) {
            check = check.isNonNegative(c, Check$.MODULE$.IsOne(), Option.empty());
          }
        }
        case "allowed_values" -> {
          for (String c : spec.columns()) {
            check = check.isContainedIn(c, spec.values().toArray(String[]::new));
          }
        }
        case "known_org" -> check = check.isContainedIn("org_id", knownOrgs.toArray(String[]::new));
        case "unique" ->
            check =
                check.hasUniqueness(
                    seq(spec.columns()),
                    Check$.MODULE$.IsOne(),
                    Option.empty(),
                    Option.apply(nullsAsValues()));
        default ->
            throw new IllegalArgumentException(
                spec.check() + " is not a column check; see DeequChecks.references and anomalous");
      }
      checks.put(check, new String[] {spec.describe(), spec.level()});
    }
    if (checks.isEmpty()) {
      return List.of();
    }
    VerificationResult result =
        new VerificationSuite().onData(rows).addChecks(seq(new ArrayList<>(checks.keySet()))).run();
    List<ConstraintOutcome> out = new ArrayList<>();
    checks.forEach(
        (check, names) -> {
          CheckResult checkResult = result.checkResults().get(check).get();
          for (ConstraintResult c : JavaConverters.seqAsJavaList(checkResult.constraintResults())) {
            boolean ok = c.status() == ConstraintStatus$.MODULE$.Success();
            Double value = metricValue(c.metric());
            String message = ok ? "passed" : c.message().isDefined() ? c.message().get() : "failed";
            out.add(
                new ConstraintOutcome(
                    table,
                    ConstraintOutcome.ALL_ORGS,
                    names[0],
                    c.constraint().toString(),
                    names[1],
                    ok ? "success" : "failure",
                    message,
                    value));
          }
        });
    return out;
  }

  /**
   * How the grain's uniqueness is named among a gate's outcomes, e.g. {@code
   * grain(org_id,report_date)}.
   */
  public static String grainName(List<String> grain) {
    return "grain(" + String.join(",", grain) + ")";
  }

  /**
   * Referential integrity: the share of {@code rows} whose columns are found in the reference must
   * be 1.
   */
  public static ConstraintOutcome references(
      String table, Dataset<Row> rows, CheckSpec spec, Dataset<Row> reference) {
    ComparisonResult result =
        ReferentialIntegrity.subsetCheck(
            rows,
            seq(spec.columns()),
            reference,
            seq(spec.referenceColumns()),
            Check$.MODULE$.IsOne());
    String constraint =
        "ReferentialIntegrity("
            + spec.columns()
            + " in "
            + spec.reference()
            + spec.referenceColumns()
            + ")";
    // Deequ leaves the ratio of a comparison at 0 either way: success means every row matched (the
    // assertion is
    // ratio == 1), and a failure's message carries the measured ratio.
    if (result instanceof ComparisonSucceeded) {
      return new ConstraintOutcome(
          table,
          ConstraintOutcome.ALL_ORGS,
          spec.describe(),
          constraint,
          spec.level(),
          "success",
          "passed",
          1.0);
    }
    ComparisonFailed failed = (ComparisonFailed) result;
    return new ConstraintOutcome(
        table,
        ConstraintOutcome.ALL_ORGS,
        spec.describe(),
        constraint,
        spec.level(),
        "failure",
        "rows without a match in "
            + spec.reference()
            + spec.referenceColumns()
            + ": "
            + failed.errorMessage(),
        null);
  }

  /**
   * Judges a new value against its history (oldest first) with Deequ's anomaly detection: empty
   * when normal, else what Deequ said about it.
   */
  public static Optional<String> anomalous(CheckSpec spec, List<Double> history, double value) {
    AnomalyDetectionStrategy strategy =
        spec.strategy().equals("band")
            // The band comes from the history alone: an online estimate would include the new point
            // in its own band.
            ? new BatchNormalStrategy(
                Option.apply((Object) spec.deviations()),
                Option.apply((Object) spec.deviations()),
                false)
            : new RelativeRateOfChangeStrategy(
                Option.apply((Object) spec.maxDecrease()),
                Option.apply((Object) spec.maxIncrease()),
                1);
    List<DataPoint<Object>> points = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      points.add(new DataPoint<>(i, Option.apply((Object) history.get(i))));
    }
    DetectionResult result =
        new AnomalyDetector(strategy)
            .isNewPointAnomalous(
                seq(points), new DataPoint<>(history.size(), Option.apply((Object) value)));
    List<scala.Tuple2<Object, Anomaly>> anomalies =
        JavaConverters.seqAsJavaList(result.anomalies());
    if (anomalies.isEmpty()) {
      return Optional.empty();
    }
    Anomaly anomaly = anomalies.get(0)._2();
    return Optional.of(
        anomaly.detail().isDefined() ? anomaly.detail().get() : "anomalous value " + value);
  }

  private static AnalyzerOptions nullsAsValues() {
    return new AnalyzerOptions(
        NullBehavior$.MODULE$.EmptyString(), AnalyzerOptions$.MODULE$.apply$default$2());
  }

  private static Double metricValue(Option<Metric<?>> metric) {
    if (metric.isEmpty() || metric.get().value().isFailure()) {
      return null;
    }
    Object value = metric.get().value().get();
    return value instanceof Number n ? n.doubleValue() : null;
  }

  private static <T> Seq<T> seq(List<T> list) {
    return JavaConverters.asScalaBufferConverter(list).asScala().toSeq();
  }
}

package io.adlake.quality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.tables.OrgFilter;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import io.adlake.model.config.CheckSpec;
import io.adlake.model.config.QualitySettings;
import io.adlake.model.org.OrgScope;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * The gate of one layer: every table's grain, the checks {@code conf/quality.yaml} declares for it,
 * and the anomaly checks on per-org metrics. Reads the tables as the run staged them (its branch);
 * judges, never writes.
 */
public final class QualityGate {

  private final Lakehouse staged;
  private final QualitySettings settings;
  private final Set<String> knownOrgs;
  private final OrgScope scope;
  private final MetricHistory history;
  private final Function<TableSpec, Optional<Column>> changed;

  /**
   * A gate over every org's rows.
   *
   * @param staged the run's view of the tables (its branch), which is what is audited
   * @param knownOrgs the org registry: {@code known_org} checks against it, and anomaly checks
   *     judge every org in it, so an org whose export is missing shows as a drop to zero rather
   *     than as nothing
   */
  public QualityGate(
      Lakehouse staged, QualitySettings settings, Set<String> knownOrgs, MetricHistory history) {
    this(staged, settings, knownOrgs, OrgScope.all(), history, table -> Optional.empty());
  }

  /**
   * @param scope the orgs a run processes: every org (anomaly checks measure each of {@code
   *     knownOrgs}), or some only ({@code --org}, or orgs held by the layer before), when only
   *     their rows are judged and only they are measured by anomaly checks
   * @param changed per table, the rows the run changed, or empty to judge the whole table. Only
   *     those rows are judged: the rest is what main holds, judged when it was published, so a
   *     daily run's gate costs the day it wrote, not the history under it. Anomaly checks measure
   *     their day in the whole table all the same.
   */
  public QualityGate(
      Lakehouse staged,
      QualitySettings settings,
      Set<String> knownOrgs,
      OrgScope scope,
      MetricHistory history,
      Function<TableSpec, Optional<Column>> changed) {
    this.staged = staged;
    this.settings = settings;
    this.knownOrgs = Set.copyOf(knownOrgs);
    this.scope = scope;
    this.history = history;
    this.changed = changed;
  }

  /**
   * @param day the run's date: dated anomaly metrics measure this day, and history is read from
   *     days before it
   */
  public GateReport run(String runId, String layer, List<TableSpec> tables, LocalDate day) {
    List<ConstraintOutcome> outcomes = new ArrayList<>();
    List<MetricPoint> metrics = new ArrayList<>();
    for (TableSpec table : tables) {
      if (!staged.exists(table)) {
        continue;
      }
      Dataset<Row> read = staged.read(table);
      Dataset<Row> all = read.filter(OrgFilter.of(scope, col("org_id")));
      Optional<Column> changedRows = changed.apply(table);
      Dataset<Row> rows =
          changedRows.map(all::filter).orElse(all).persist(StorageLevel.MEMORY_AND_DISK());
      try {
        audit(
            table,
            rows,
            all,
            changedRows.isPresent() ? "no rows changed by the run" : "no rows",
            day,
            outcomes,
            metrics);
      } finally {
        rows.unpersist();
      }
    }
    return new GateReport(runId, layer, outcomes, metrics);
  }

  /**
   * @param rows the rows judged (what the run changed)
   * @param all the whole table as the run staged it, where anomaly checks measure their day
   * @param emptyReason what a skipped check says when there are no rows to judge
   */
  private void audit(
      TableSpec table,
      Dataset<Row> rows,
      Dataset<Row> all,
      String emptyReason,
      LocalDate day,
      List<ConstraintOutcome> outcomes,
      List<MetricPoint> metrics) {
    String name = table.path();
    Set<String> present = new TreeSet<>(List.of(rows.columns()));
    List<CheckSpec> columnChecks = new ArrayList<>();
    List<CheckSpec> others = new ArrayList<>();
    for (CheckSpec spec : settings.checksOf(name)) {
      List<String> missing = new ArrayList<>(spec.columns());
      if (spec.dateColumn() != null) {
        missing.add(spec.dateColumn());
      }
      missing.removeAll(present);
      if (!missing.isEmpty()) {
        outcomes.add(
            new ConstraintOutcome(
                name,
                ConstraintOutcome.ALL_ORGS,
                spec.describe(),
                "columns exist",
                spec.level(),
                "failure",
                "no column " + missing + " in " + name,
                null));
      } else if (spec.check().equals("anomaly") || spec.check().equals("references")) {
        others.add(spec);
      } else {
        columnChecks.add(spec);
      }
    }
    boolean empty = rows.isEmpty();
    if (empty) {
      for (CheckSpec spec : columnChecks) {
        outcomes.add(
            new ConstraintOutcome(
                name,
                ConstraintOutcome.ALL_ORGS,
                spec.describe(),
                "-",
                spec.level(),
                "skipped",
                emptyReason,
                null));
      }
    } else {
      outcomes.addAll(
          attributed(
              name,
              rows,
              table.grain(),
              columnChecks,
              DeequChecks.verify(name, rows, table.grain(), columnChecks, knownOrgs)));
    }
    for (CheckSpec spec : others) {
      if (spec.check().equals("references")) {
        ConstraintOutcome checked = references(table, rows, spec, empty, emptyReason);
        Optional<TableSpec> reference = referenceOf(spec).filter(staged::exists);
        Optional<List<ConstraintOutcome>> perOrg =
            checked.blocksPublish() && reference.isPresent()
                ? OrgAttribution.attributeReferences(
                    name,
                    rows,
                    new OrgAttribution.Failed(checked.check(), spec),
                    staged.read(reference.get()))
                : Optional.empty();
        perOrg.ifPresentOrElse(outcomes::addAll, () -> outcomes.add(checked));
      } else {
        anomalies(table, all, spec, day, outcomes, metrics);
      }
    }
  }

  /**
   * Deequ's outcomes with each table-wide error replaced by the failures of the orgs whose rows
   * fail it, where the check can be attributed ({@link OrgAttribution}); the others stay table-wide
   * and stop the run.
   */
  private List<ConstraintOutcome> attributed(
      String table,
      Dataset<Row> rows,
      List<String> grain,
      List<CheckSpec> specs,
      List<ConstraintOutcome> verified) {
    Map<String, CheckSpec> byName = new LinkedHashMap<>();
    if (!grain.isEmpty()) {
      byName.put(DeequChecks.grainName(grain), CheckSpec.unique(grain, "error"));
    }
    specs.forEach(s -> byName.put(s.describe(), s));
    List<OrgAttribution.Failed> failed =
        verified.stream()
            .filter(ConstraintOutcome::blocksPublish)
            .map(ConstraintOutcome::check)
            .distinct()
            .map(n -> new OrgAttribution.Failed(n, byName.get(n)))
            .toList();
    if (failed.isEmpty()) {
      return verified;
    }
    List<Optional<List<ConstraintOutcome>>> perOrg =
        OrgAttribution.attribute(table, rows, failed, knownOrgs);
    Set<String> replaced = new HashSet<>();
    List<ConstraintOutcome> out = new ArrayList<>();
    for (int i = 0; i < failed.size(); i++) {
      perOrg.get(i).ifPresent(out::addAll);
      if (perOrg.get(i).isPresent()) {
        replaced.add(failed.get(i).name());
      }
    }
    verified.stream()
        .filter(o -> !(o.blocksPublish() && replaced.contains(o.check())))
        .forEach(out::add);
    return out;
  }

  private static Optional<TableSpec> referenceOf(CheckSpec spec) {
    return Tables.ALL.stream().filter(t -> t.path().equals(spec.reference())).findFirst();
  }

  private ConstraintOutcome references(
      TableSpec table, Dataset<Row> rows, CheckSpec spec, boolean empty, String emptyReason) {
    String name = table.path();
    Optional<TableSpec> reference = referenceOf(spec);
    if (empty) {
      return new ConstraintOutcome(
          name,
          ConstraintOutcome.ALL_ORGS,
          spec.describe(),
          "-",
          spec.level(),
          "skipped",
          emptyReason,
          null);
    }
    if (reference.isEmpty() || !staged.exists(reference.get())) {
      return new ConstraintOutcome(
          name,
          ConstraintOutcome.ALL_ORGS,
          spec.describe(),
          "-",
          spec.level(),
          "failure",
          "reference table " + spec.reference() + " does not exist",
          null);
    }
    return DeequChecks.references(name, rows, spec, staged.read(reference.get()));
  }

  private void anomalies(
      TableSpec table,
      Dataset<Row> rows,
      CheckSpec spec,
      LocalDate day,
      List<ConstraintOutcome> outcomes,
      List<MetricPoint> metrics) {
    String name = table.path();
    String metric = metricName(spec);
    Dataset<Row> measured =
        spec.dateColumn() == null
            ? rows
            : rows.filter(col(spec.dateColumn()).equalTo(lit(Date.valueOf(day))));
    Column value =
        spec.metric().equals("row_count")
            ? count(lit(1)).cast(DataTypes.DoubleType)
            : coalesce(sum(col(spec.columns().get(0)).cast(DataTypes.DoubleType)), lit(0.0));
    Map<String, Double> byOrg = new HashMap<>();
    for (Row r : measured.groupBy("org_id").agg(value.as("v")).collectAsList()) {
      byOrg.put(r.getString(0), r.getDouble(1));
    }
    for (String org : scope.namedOr(knownOrgs)) {
      double now = byOrg.getOrDefault(org, 0.0);
      metrics.add(new MetricPoint(name, metric, org, day, now));
      List<Double> past = history.of(name, metric, org);
      String constraint = "AnomalyDetector(" + spec.strategy() + ", " + metric + ")";
      int needed = spec.strategy().equals("band") ? spec.minHistory() : 1;
      if (past.size() < needed) {
        outcomes.add(
            new ConstraintOutcome(
                name,
                org,
                spec.describe(),
                constraint,
                spec.level(),
                "skipped",
                "history has " + past.size() + " of the " + needed + " earlier day(s) needed",
                now));
        continue;
      }
      Optional<String> anomaly = DeequChecks.anomalous(spec, past, now);
      outcomes.add(
          new ConstraintOutcome(
              name,
              org,
              spec.describe(),
              constraint,
              spec.level(),
              anomaly.isPresent() ? "failure" : "success",
              anomaly
                  .map(
                      a ->
                          metric
                              + " = "
                              + now
                              + " against "
                              + past.get(past.size() - 1)
                              + " before: "
                              + a)
                  .orElse("passed"),
              now));
    }
  }

  /**
   * How a metric is named in {@code ops.quality_metrics}, e.g. {@code
   * sum(total_media_cost)@report_date}.
   */
  static String metricName(CheckSpec spec) {
    String base =
        spec.metric().equals("row_count") ? "row_count" : "sum(" + spec.columns().get(0) + ")";
    return spec.dateColumn() == null ? base : base + "@" + spec.dateColumn();
  }
}

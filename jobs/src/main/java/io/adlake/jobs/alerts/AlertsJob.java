package io.adlake.jobs.alerts;

import static org.apache.spark.sql.functions.col;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.tables.GrainCheck;
import io.adlake.catalog.tables.SliceMerge;
import io.adlake.jobs.Progress;
import io.adlake.jobs.run.OrgHolds;
import io.adlake.model.ConfigException;
import io.adlake.model.Tables;
import io.adlake.model.config.AlertSettings;
import io.adlake.model.org.Org;
import io.adlake.model.org.OrgRegistry;
import io.adlake.transforms.alerts.AlertHits;
import io.adlake.transforms.alerts.AlertLifecycle;
import io.adlake.transforms.alerts.AlertRule;
import io.adlake.transforms.rules.RuleMart;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code adlake alerts}: evaluates every org's rules over the published gold marts on an as-of date
 * and moves {@code ops.alerts} to its next state in one commit. Rules outside their schedule
 * (weekday and hour in the org's time zone at the evaluation time) are not evaluated, and their
 * alerts stay as they were.
 */
public final class AlertsJob {

  private static final StructType EVALUATED =
      new StructType().add("rule_id", DataTypes.StringType).add("org_id", DataTypes.StringType);

  private final Lakehouse lakehouse;
  private final OrgRegistry orgs;
  private final AlertSettings settings;
  private final Progress progress;

  public AlertsJob(
      Lakehouse lakehouse, OrgRegistry orgs, AlertSettings settings, Progress progress) {
    this.lakehouse = lakehouse;
    this.orgs = orgs;
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * Every org's rules compiled; a rule outside the language or its mart's allow-list stops the job
   * with its name.
   */
  public Map<Org, List<AlertRule>> compile() {
    Map<Org, List<AlertRule>> out = new LinkedHashMap<>();
    for (Org org : orgs.orgs()) {
      List<AlertRule> rules = new ArrayList<>();
      for (var spec : settings.rulesFor(org.id().value())) {
        try {
          rules.add(AlertRule.compile(spec));
        } catch (IllegalArgumentException e) {
          throw new ConfigException("conf/alerts.yaml, org " + org.id() + ": " + e.getMessage(), e);
        }
      }
      out.put(org, rules);
    }
    return out;
  }

  public AlertsReport run(LocalDate asOf, Instant at) {
    Map<Org, List<AlertRule>> rules = compile();
    // One scan per distinct rule for all the orgs it is due for, not one per org: 2,000 orgs share
    // most rules.
    Map<String, AlertRule> distinct = new LinkedHashMap<>();
    Map<String, List<String>> dueFor = new LinkedHashMap<>();
    List<Row> evaluated = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    Map<RuleMart, Dataset<Row>> marts = new LinkedHashMap<>();
    rules.forEach(
        (org, orgRules) -> {
          var local = at.atZone(ZoneId.of(org.timezone()));
          for (AlertRule rule : orgRules) {
            if (!rule.spec().schedule().includes(local)) {
              skipped.add(
                  org.id()
                      + "/"
                      + rule.id()
                      + ": not scheduled at "
                      + local.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES)
                      + " "
                      + org.timezone());
            } else if (marts.computeIfAbsent(rule.mart(), this::published) == null) {
              skipped.add(
                  org.id()
                      + "/"
                      + rule.id()
                      + ": "
                      + rule.mart().table().path()
                      + " has not been published");
            } else {
              String key = rule.id() + "@" + rule.version();
              distinct.putIfAbsent(key, rule);
              dueFor.computeIfAbsent(key, k -> new ArrayList<>()).add(org.id().value());
              evaluated.add(RowFactory.create(rule.id(), org.id().value()));
            }
          }
        });
    List<Dataset<Row>> hits = new ArrayList<>();
    distinct.forEach(
        (key, rule) ->
            hits.add(AlertHits.find(marts.get(rule.mart()), rule, dueFor.get(key), asOf)));
    progress.step(
        "alerts: "
            + evaluated.size()
            + " rule evaluation(s) for "
            + rules.size()
            + " org(s) as of "
            + asOf
            + ", "
            + skipped.size()
            + " not scheduled or without data");

    Dataset<Row> existing =
        lakehouse.exists(Tables.ALERTS)
            ? lakehouse.read(Tables.ALERTS)
            : lakehouse.spark().createDataFrame(List.of(), AlertLifecycle.SCHEMA);
    Dataset<Row> found =
        hits.stream()
            .reduce(Dataset::unionByName)
            .orElse(
                lakehouse
                    .spark()
                    .createDataFrame(List.of(), AlertLifecycle.SCHEMA)
                    .select(AlertHits.COLUMNS.stream().map(functions::col).toArray(Column[]::new)));
    Dataset<Row> next =
        AlertLifecycle.next(
                existing, found, lakehouse.spark().createDataFrame(evaluated, EVALUATED), asOf, at)
            .localCheckpoint();
    GrainCheck.require(Tables.ALERTS.path(), next, Tables.ALERTS.grain());

    merge(lakehouse, next, "alerts-" + asOf + "-" + at.toEpochMilli());
    return AlertsReport.of(next, asOf, at, evaluated.size(), skipped);
  }

  /** The newest as-of date published in gold.pacing, the mart every daily run writes. */
  public Optional<LocalDate> latestAsOf() {
    if (!lakehouse.exists(Tables.GOLD_PACING)) {
      return Optional.empty();
    }
    Row newest = lakehouse.read(Tables.GOLD_PACING).agg(functions.max("as_of_date")).first();
    return newest.isNullAt(0) ? Optional.empty() : Optional.of(newest.getDate(0).toLocalDate());
  }

  /**
   * The published mart (main): alerts describe what readers see, never a run's unaudited branch. No
   * {@code ops.org_holds} yet means no run ever held an org: nothing to find, rather than a mart
   * not published.
   */
  private Dataset<Row> published(RuleMart mart) {
    if (lakehouse.exists(mart.table())) {
      return lakehouse.read(mart.table());
    }
    return mart == RuleMart.ORG_HOLDS
        ? lakehouse.spark().createDataFrame(List.of(), OrgHolds.SCHEMA)
        : null;
  }

  /**
   * Writes these alerts' new rows to {@code ops.alerts}, by a MERGE on the alert id rather than an
   * overwrite: Iceberg refuses it if another writer (an acknowledgement, a digest) changed the
   * table meanwhile, instead of losing that.
   */
  public static void merge(Lakehouse lakehouse, Dataset<Row> alerts, String batchId) {
    lakehouse.ensure(Tables.ALERTS, AlertLifecycle.SCHEMA);
    // withColumn leaves a column nullable; the table's required columns need the declared schema
    // back
    Dataset<Row> typed = lakehouse.spark().createDataFrame(alerts.rdd(), AlertLifecycle.SCHEMA);
    SliceMerge.merge(lakehouse, Tables.ALERTS, typed, typed.select("alert_id"), batchId);
  }

  /**
   * Marks an alert acknowledged by a person; it stays so while its rule keeps finding it, and
   * closes when it no longer does.
   */
  public static Row acknowledge(Lakehouse lakehouse, String alertId, String by, Instant at) {
    if (!lakehouse.exists(Tables.ALERTS)) {
      throw new IllegalArgumentException(
          "no alerts yet: " + Tables.ALERTS.path() + " does not exist");
    }
    Dataset<Row> alerts = lakehouse.read(Tables.ALERTS).localCheckpoint();
    List<Row> target = alerts.filter(col("alert_id").equalTo(alertId)).collectAsList();
    if (target.isEmpty()) {
      throw new IllegalArgumentException("no alert with id '" + alertId + "'");
    }
    if (!AlertLifecycle.OPEN.equals(target.get(0).getAs("status"))) {
      throw new IllegalArgumentException(
          "alert "
              + alertId
              + " is "
              + target.get(0).getAs("status")
              + "; only an open alert can be acknowledged");
    }
    Dataset<Row> acked =
        alerts
            .filter(col("alert_id").equalTo(alertId))
            .withColumn("status", functions.lit(AlertLifecycle.ACKNOWLEDGED))
            .withColumn("acknowledged_by", functions.lit(by))
            .withColumn("acknowledged_at", functions.lit(Timestamp.from(at)));
    merge(lakehouse, acked, "ack-" + alertId);
    return lakehouse.read(Tables.ALERTS).filter(col("alert_id").equalTo(alertId)).first();
  }
}

package io.adlake.jobs.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.tables.SliceMerge;
import io.adlake.model.Tables;
import io.adlake.quality.ConstraintOutcome;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code ops.org_holds}, on main, grain (org_id, run_id): the orgs a run held back because their
 * rows failed an error-level check, with the failures. A hold stays open until a later run
 * publishes the org over the held deliveries; until then each run of the org reads its deliveries
 * again from the hold's first delivery date, so the held slices are retried, and an org that fixed
 * its export (a restatement) publishes then. Rules of {@code conf/alerts.yaml} read it as the
 * {@code org_holds} mart (by the run's as-of date), so a hold reaches the org's alert channels like
 * any alert.
 */
public final class OrgHolds {

  public static final StructType SCHEMA =
      new StructType()
          .add("org_id", DataTypes.StringType, false)
          .add("run_id", DataTypes.StringType, false)
          .add("attempt", DataTypes.IntegerType, false)
          .add("layer", DataTypes.StringType, false)
          .add("first_date", DataTypes.DateType, false)
          .add("last_date", DataTypes.DateType, false)
          .add("as_of_date", DataTypes.DateType, false)
          .add("held_at", DataTypes.TimestampType, false)
          .add("failures", DataTypes.IntegerType, false)
          .add("reason", DataTypes.StringType, false)
          .add("released_by", DataTypes.StringType)
          .add("released_at", DataTypes.TimestampType);

  private static final int REASONS = 3;

  private final Lakehouse main;

  public OrgHolds(Lakehouse main) {
    this.main = main;
  }

  /**
   * Records the orgs a gate held, in one commit; a retried step of the same run writes the same
   * rows again.
   *
   * @param firstDelivery per held org, the first delivery date its run read when it differs from
   *     {@code first} (an org retrying an earlier hold)
   */
  public void hold(
      String runId,
      int attempt,
      String layer,
      Map<String, LocalDate> firstDelivery,
      LocalDate first,
      LocalDate last,
      LocalDate asOf,
      Map<String, List<ConstraintOutcome>> held) {
    if (held.isEmpty()) {
      return;
    }
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> rows = new ArrayList<>();
    held.forEach(
        (org, failures) ->
            rows.add(
                RowFactory.create(
                    org,
                    runId,
                    attempt,
                    layer,
                    Date.valueOf(firstDelivery.getOrDefault(org, first)),
                    Date.valueOf(last),
                    Date.valueOf(asOf),
                    now,
                    failures.size(),
                    reason(failures),
                    null,
                    null)));
    write(main.spark().createDataFrame(rows, SCHEMA), runId);
  }

  /**
   * The failures of a held org in one line: table, check and what failed, the first few of them.
   */
  static String reason(List<ConstraintOutcome> failures) {
    String shown =
        failures.stream()
            .limit(REASONS)
            .map(f -> f.table() + " " + f.check() + ": " + f.message())
            .collect(Collectors.joining("; "));
    return failures.size() > REASONS
        ? shown + "; and " + (failures.size() - REASONS) + " more"
        : shown;
  }

  /** Per org of {@code orgs} with an open hold, the first delivery date of its oldest one. */
  public Map<String, LocalDate> openSince(Collection<String> orgs) {
    Map<String, LocalDate> since = new TreeMap<>();
    if (!main.exists(Tables.ORG_HOLDS) || orgs.isEmpty()) {
      return since;
    }
    open()
        .filter(col("org_id").isin(orgs.toArray()))
        .groupBy("org_id")
        .agg(min("first_date"))
        .collectAsList()
        .forEach(r -> since.put(r.getString(0), r.getDate(1).toLocalDate()));
    return since;
  }

  /**
   * Closes the open holds of orgs a run published, those of deliveries up to its last: the run read
   * them again (its window starts at the oldest open hold) and they passed.
   */
  public void release(String runId, Collection<String> published, LocalDate lastDelivery) {
    if (!main.exists(Tables.ORG_HOLDS) || published.isEmpty()) {
      return;
    }
    Dataset<Row> released =
        open()
            .filter(
                col("org_id")
                    .isin(published.toArray())
                    .and(col("last_date").leq(Date.valueOf(lastDelivery))))
            .withColumn("released_by", lit(runId))
            .withColumn("released_at", lit(Timestamp.from(Instant.now())))
            .selectExpr(SCHEMA.fieldNames());
    write(main.spark().createDataFrame(released.collectAsList(), SCHEMA), runId);
  }

  /** The holds no run has released yet. */
  public Dataset<Row> open() {
    return main.read(Tables.ORG_HOLDS).filter(col("released_by").isNull());
  }

  private void write(Dataset<Row> rows, String runId) {
    SliceMerge.merge(main, Tables.ORG_HOLDS, rows, rows.select("org_id", "run_id"), runId);
  }
}

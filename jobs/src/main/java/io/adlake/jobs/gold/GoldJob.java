package io.adlake.jobs.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.trunc;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.tables.MergedSlices;
import io.adlake.catalog.tables.SliceMerge;
import io.adlake.jobs.LayerReport;
import io.adlake.jobs.Progress;
import io.adlake.model.Source;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import io.adlake.model.config.MartSettings;
import io.adlake.model.config.OrgMartSettings;
import io.adlake.model.config.ReconciliationSettings;
import io.adlake.model.org.Org;
import io.adlake.model.org.OrgId;
import io.adlake.model.org.OrgRegistry;
import io.adlake.transforms.formats.Values;
import io.adlake.transforms.gold.BuySellDaily;
import io.adlake.transforms.gold.CrossPlatformReport;
import io.adlake.transforms.gold.GoldInputs;
import io.adlake.transforms.gold.MarginMart;
import io.adlake.transforms.gold.OrgDailySummary;
import io.adlake.transforms.gold.PacingMart;
import io.adlake.transforms.gold.RevenueReconciliation;
import io.adlake.transforms.gold.qa.QaLibrary;
import io.adlake.transforms.gold.taxonomy.NamingConvention;
import io.adlake.transforms.gold.taxonomy.TaxonomyMart;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Builds every gold mart for all orgs in one job.
 *
 * <ul>
 *   <li>Delivery marts (cross-platform report, org daily summary, margin): platforms restate recent
 *       days, so each run rebuilds the report days of a window ending on the as-of date and
 *       replaces them by (org, day); a day silver no longer has disappears from gold too. The month
 *       roll-up of margin is recomputed for every month the window touches.
 *   <li>State marts (pacing and QA per as-of date, taxonomy per convention version) replace the
 *       org's slice of that date or version.
 * </ul>
 *
 * Pacing, margin, QA and taxonomy need silver bookings and setup; without them only the delivery
 * report is built.
 */
public final class GoldJob {

  private final Lakehouse lakehouse;
  private final OrgRegistry orgs;
  private final OrgMartSettings settings;
  private final int fxLookbackDays;
  private final Progress progress;

  public GoldJob(
      Lakehouse lakehouse,
      OrgRegistry orgs,
      OrgMartSettings settings,
      int fxLookbackDays,
      Progress progress) {
    this.lakehouse = lakehouse;
    this.orgs = orgs;
    this.settings = settings;
    this.fxLookbackDays = fxLookbackDays;
    this.progress = progress;
  }

  /** Every registered org as of the same date. */
  public LayerReport run(LocalDate asOf, int rebuildDays) {
    Map<OrgId, LocalDate> dates = new LinkedHashMap<>();
    orgs.orgs().forEach(o -> dates.put(o.id(), asOf));
    return run(dates, rebuildDays);
  }

  /**
   * @param asOf each org's as-of date (its last complete day); orgs not in the map are not built
   * @param rebuildDays how many report days before the as-of date can still change (restatement
   *     window)
   */
  public LayerReport run(Map<OrgId, LocalDate> asOf, int rebuildDays) {
    LocalDate last = Collections.max(asOf.values());
    LocalDate first = Collections.min(asOf.values()).minusDays(rebuildDays);
    String runId = "gold-" + last + "-" + UUID.randomUUID().toString().substring(0, 8);
    List<MergedSlices> results = new ArrayList<>();
    if (!lakehouse.exists(Tables.SILVER_DELIVERY)) {
      progress.step("gold: no silver delivery yet; nothing to build");
      return new LayerReport(first, last, runId, results, 0);
    }
    Dataset<Row> orgFrame = orgFrame(asOf);
    Dataset<Row> runOrgs = orgFrame.select("org_id");
    Column window = col("report_date").between(Date.valueOf(first), Date.valueOf(last));
    Dataset<Row> silver = lakehouse.read(Tables.SILVER_DELIVERY).join(runOrgs, "org_id");

    progress.step(
        "gold " + runId + ": cross-platform report for report days " + first + " to " + last);
    deliveryReport(silver.filter(window), runOrgs, window, runId, results);
    if (lakehouse.exists(Tables.SILVER_SUPPLY)) {
      progress.step("gold: buy side against sell side for report days " + first + " to " + last);
      buySell(
          silver.filter(window),
          lakehouse.read(Tables.SILVER_SUPPLY).join(runOrgs, "org_id").filter(window),
          asOf.keySet(),
          runOrgs,
          window,
          runId,
          results);
    }

    List<TableSpec> needed = List.of(Tables.SILVER_BOOKINGS, Tables.SILVER_SETUP, Tables.SILVER_FX);
    List<String> missing =
        needed.stream().filter(t -> !lakehouse.exists(t)).map(TableSpec::path).toList();
    if (!missing.isEmpty()) {
      progress.step("gold: " + missing + " not built yet; pacing, margin, QA and taxonomy skipped");
      return new LayerReport(first, last, runId, results, 0);
    }
    // Setup, bookings and rates are small and every mart reads them, several times over: read them
    // once.
    Dataset<Row> bookings =
        lakehouse
            .read(Tables.SILVER_BOOKINGS)
            .join(runOrgs, "org_id")
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> setup =
        lakehouse
            .read(Tables.SILVER_SETUP)
            .join(runOrgs, "org_id")
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> rates =
        lakehouse
            .read(Tables.SILVER_FX)
            .join(runOrgs, "org_id")
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      GoldInputs inputs =
          new GoldInputs(
              orgFrame,
              silver.filter(col("report_date").leq(Date.valueOf(last))),
              bookings,
              setup,
              rates,
              fxLookbackDays);
      buildMarts(inputs, asOf.keySet(), first, last, runId, results);
    } finally {
      bookings.unpersist();
      setup.unpersist();
      rates.unpersist();
    }
    return new LayerReport(first, last, runId, results, 0);
  }

  private void buildMarts(
      GoldInputs inputs,
      Set<OrgId> runOrgIds,
      LocalDate first,
      LocalDate last,
      String runId,
      List<MergedSlices> results) {
    Dataset<Row> orgFrame = inputs.orgs();
    Dataset<Row> runOrgs = orgFrame.select("org_id");
    Dataset<Row> asOfSlices = orgFrame.select("org_id", "as_of_date");

    progress.step("gold: pacing");
    // Checkpointed, not just cached: every QA check derives frames from pacing, and Spark
    // re-analyses the whole
    // plan behind a frame each time one is derived; pacing's plan (FX, windows, segments) made that
    // take minutes.
    Dataset<Row> pacing = PacingMart.build(inputs).localCheckpoint();
    results.add(merge(Tables.GOLD_PACING, pacing, asOfSlices, runId));
    progress.step("gold: QA checks");
    Dataset<Row> checks = QaLibrary.settings(lakehouse.spark(), settingsOf(runOrgIds));
    results.add(
        merge(
            Tables.GOLD_QA_FINDINGS,
            QaLibrary.findings(inputs, pacing, checks),
            asOfSlices,
            runId));

    progress.step("gold: taxonomy");
    Map<String, NamingConvention> conventions = new LinkedHashMap<>();
    List<Row> versions = new ArrayList<>();
    for (OrgId org : runOrgIds) {
      MartSettings own = settings.of(org);
      if (own.taxonomy() != null) {
        conventions.put(org.value(), NamingConvention.of(own.taxonomy()));
        versions.add(RowFactory.create(org.value(), own.taxonomy().version()));
      }
    }
    Dataset<Row> versionSlices =
        lakehouse
            .spark()
            .createDataFrame(
                versions,
                new StructType()
                    .add("org_id", DataTypes.StringType)
                    .add("taxonomy_version", DataTypes.StringType));
    results.add(
        merge(
            Tables.GOLD_TAXONOMY,
            TaxonomyMart.build(inputs.setup(), orgFrame, conventions),
            versionSlices,
            runId));

    progress.step("gold: margin for report days " + first + " to " + last);
    Dataset<Row> days =
        runOrgs.select(
            col("org_id"),
            explode(sequence(lit(Date.valueOf(first)), lit(Date.valueOf(last)))).as("report_date"));
    results.add(
        merge(
            Tables.GOLD_MARGIN_DAILY,
            MarginMart.daily(inputs, Date.valueOf(first), Date.valueOf(last)),
            days,
            runId));
    Dataset<Row> months =
        days.select(col("org_id"), trunc(col("report_date"), "month").as("month")).distinct();
    Dataset<Row> monthRows =
        lakehouse
            .read(Tables.GOLD_MARGIN_DAILY)
            .withColumn("month", trunc(col("report_date"), "month"))
            .join(months, new String[] {"org_id", "month"}, "left_semi")
            .drop("month");
    results.add(merge(Tables.GOLD_MARGIN_MONTHLY, MarginMart.monthly(monthRows), months, runId));
  }

  private MergedSlices merge(
      TableSpec table, Dataset<Row> rows, Dataset<Row> slices, String runId) {
    MergedSlices result = SliceMerge.mergeChecked(lakehouse, table, rows, slices, runId);
    progress.done("gold: " + result.summary());
    return result;
  }

  private void deliveryReport(
      Dataset<Row> silver,
      Dataset<Row> runOrgs,
      Column window,
      String runId,
      List<MergedSlices> results) {
    Dataset<Row> slices =
        daySlices(
            silver.select("org_id", "report_date"), Tables.GOLD_CROSS_PLATFORM, runOrgs, window);
    Dataset<Row> report = CrossPlatformReport.build(silver).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      results.add(merge(Tables.GOLD_CROSS_PLATFORM, report, slices, runId));
      progress.step("gold: org daily summary");
      results.add(merge(Tables.GOLD_ORG_DAILY, OrgDailySummary.build(report), slices, runId));
    } finally {
      report.unpersist();
    }
  }

  /**
   * {@code gold.buy_sell_daily} for every org, and {@code gold.revenue_reconciliation} for the orgs
   * that ingest an SSP's reports: without one, every deal would read "DSP only" for want of data,
   * not for a discrepancy.
   */
  private void buySell(
      Dataset<Row> delivery,
      Dataset<Row> supply,
      Set<OrgId> runOrgIds,
      Dataset<Row> runOrgs,
      Column window,
      String runId,
      List<MergedSlices> results) {
    Dataset<Row> slices =
        daySlices(
            delivery.select("org_id", "report_date").union(supply.select("org_id", "report_date")),
            Tables.GOLD_BUY_SELL,
            runOrgs,
            window);
    Dataset<Row> buySell =
        BuySellDaily.build(delivery, supply).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      results.add(merge(Tables.GOLD_BUY_SELL, buySell, slices, runId));
      List<Row> tolerances = new ArrayList<>();
      for (OrgId id : runOrgIds) {
        Org org = orgs.require(id);
        if (Arrays.stream(Source.values())
            .anyMatch(source -> source.ssp().isPresent() && org.enabled(source))) {
          ReconciliationSettings own = settings.of(id).reconciliation();
          tolerances.add(
              RowFactory.create(id.value(), org.reportingCurrency(), own.tolerance(), own.floor()));
        }
      }
      Dataset<Row> reconciled =
          RevenueReconciliation.build(
              buySell, lakehouse.spark().createDataFrame(tolerances, RECONCILIATION_SETTINGS));
      results.add(merge(Tables.GOLD_REVENUE_RECONCILIATION, reconciled, slices, runId));
    } finally {
      buySell.unpersist();
    }
  }

  private static final StructType RECONCILIATION_SETTINGS =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("reporting_currency", DataTypes.StringType)
          .add("tolerance", Values.RATE)
          .add("floor", Values.AMOUNT);

  /**
   * The (org, report day) slices a window's marts replace: the days silver has, and the days the
   * gold table holds in the window (a day silver no longer has goes from gold too). Fixed before
   * any write: a plan over gold would be recomputed after the first MERGE and lose the days that
   * MERGE just removed.
   */
  private Dataset<Row> daySlices(
      Dataset<Row> fromSilver, TableSpec gold, Dataset<Row> runOrgs, Column window) {
    Dataset<Row> slices = fromSilver;
    if (lakehouse.exists(gold)) {
      slices =
          slices.union(
              lakehouse
                  .read(gold)
                  .filter(window)
                  .join(runOrgs, "org_id")
                  .select("org_id", "report_date"));
    }
    return lakehouse.spark().createDataFrame(slices.distinct().collectAsList(), slices.schema());
  }

  private Dataset<Row> orgFrame(Map<OrgId, LocalDate> asOf) {
    List<Row> rows = new ArrayList<>();
    asOf.forEach(
        (id, date) -> {
          Org org = orgs.require(id);
          MartSettings own = settings.of(id);
          rows.add(
              RowFactory.create(
                  id.value(),
                  org.reportingCurrency(),
                  org.timezone(),
                  Date.valueOf(date),
                  own.pacing().underBelow(),
                  own.pacing().overAbove(),
                  own.pacing().runRateDays()));
        });
    return lakehouse.spark().createDataFrame(rows, GoldInputs.ORGS);
  }

  private Map<String, MartSettings> settingsOf(Iterable<OrgId> runOrgs) {
    Map<String, MartSettings> out = new LinkedHashMap<>();
    runOrgs.forEach(id -> out.put(id.value(), settings.of(id)));
    return out;
  }
}

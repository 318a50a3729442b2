package io.adlake.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.tables.MergedSlices;
import io.adlake.catalog.tables.SliceMerge;
import io.adlake.jobs.LayerReport;
import io.adlake.jobs.Progress;
import io.adlake.jobs.ingest.BronzeRows;
import io.adlake.model.Platform;
import io.adlake.model.Source;
import io.adlake.model.Ssp;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import io.adlake.model.org.Org;
import io.adlake.model.org.OrgRegistry;
import io.adlake.transforms.formats.ExportFormat;
import io.adlake.transforms.formats.ExportFormats;
import io.adlake.transforms.silver.Bookings;
import io.adlake.transforms.silver.Dv360Delivery;
import io.adlake.transforms.silver.FxRates;
import io.adlake.transforms.silver.GamSupply;
import io.adlake.transforms.silver.LatestDelivery;
import io.adlake.transforms.silver.LinesWithoutFx;
import io.adlake.transforms.silver.MetaDelivery;
import io.adlake.transforms.silver.MonetizeSupply;
import io.adlake.transforms.silver.SetupEntities;
import io.adlake.transforms.silver.SilverDelivery;
import io.adlake.transforms.silver.SilverSupply;
import io.adlake.transforms.silver.TtdDelivery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Builds silver from the bronze deliveries of a date (or a range of dates), for all orgs at once.
 * Each report day a delivery touches is rebuilt from the latest delivery of that day (restatements
 * win) and replaced in silver with one MERGE per table: rerunning a date leaves silver as it was,
 * and rerunning an old date does not undo a newer restatement.
 *
 * <p>Order matters: FX first, so delivery and supply are converted with the rates delivered the
 * same day.
 */
public final class SilverJob {

  private final Lakehouse lakehouse;
  private final OrgRegistry orgs;
  private final int fxLookbackDays;
  private final Progress progress;

  public SilverJob(Lakehouse lakehouse, OrgRegistry orgs, int fxLookbackDays, Progress progress) {
    this.lakehouse = lakehouse;
    this.orgs = orgs;
    this.fxLookbackDays = fxLookbackDays;
    this.progress = progress;
  }

  public LayerReport run(LocalDate deliveryDate) {
    return run(deliveryDate, deliveryDate);
  }

  /**
   * Processes the deliveries of a date range in one pass. The result equals running each date in
   * order: every report day a delivery in the range touches comes from its latest delivery, every
   * org's snapshot from its latest delivery in the range. A backfill is one job instead of one per
   * day.
   */
  public LayerReport run(LocalDate first, LocalDate last) {
    return run(DeliveryWindow.of(first, last));
  }

  /**
   * Processes the deliveries the window selects: some orgs only, and held orgs' earlier deliveries
   * again. Only the orgs and report days those deliveries touch are replaced; every other org's
   * rows stay as they are.
   */
  public LayerReport run(DeliveryWindow window) {
    LocalDate first = window.first();
    LocalDate last = window.last();
    String runId =
        "silver-"
            + first
            + (first.equals(last) ? "" : "-to-" + last)
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    Column delivered = window.filter();
    List<MergedSlices> results = new ArrayList<>();

    progress.step("silver " + runId + ": FX rates");
    bronze(ExportFormats.of(Source.FX).get(0))
        .ifPresent(
            fx -> {
              Dataset<Row> affected = fx.filter(delivered).select("org_id", "rate_date").distinct();
              Dataset<Row> latest =
                  LatestDelivery.keep(candidates(fx, affected, "rate_date"), "org_id", "rate_date");
              results.add(merge(Tables.SILVER_FX, FxRates.toSilver(latest), affected, runId));
            });

    progress.step("silver: delivery");
    List<Dataset<Row>> unified = new ArrayList<>();
    List<Dataset<Row>> slices = new ArrayList<>();
    addLatest(Source.DV360, "report_date", Dv360Delivery::toDelivery, delivered, unified, slices);
    addLatest(Source.TTD, "report_date", TtdDelivery::toDelivery, delivered, unified, slices);
    addLatest(
        Source.META,
        "date_start",
        b -> MetaDelivery.toDelivery(b, metaConversionTypes()),
        delivered,
        unified,
        slices);
    long missingFx = 0;
    if (!unified.isEmpty()) {
      Dataset<Row> rates = rates();
      // FX conversion reads the unified rows several times (currencies needed, then both sides of
      // the rate):
      // materialise them once instead of re-running every platform's pipeline for each use.
      Dataset<Row> platforms =
          unified.stream()
              .reduce(Dataset::unionByName)
              .get()
              .persist(StorageLevel.MEMORY_AND_DISK());
      Dataset<Row> delivery =
          SilverDelivery.build(platforms, accounts(), rates, fxLookbackDays)
              .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        missingFx = delivery.filter(LinesWithoutFx.lacksRate()).count();
        results.add(
            merge(
                Tables.SILVER_DELIVERY,
                delivery,
                slices.stream().reduce(Dataset::unionByName).get(),
                runId));
      } finally {
        delivery.unpersist();
        platforms.unpersist();
      }
    }

    progress.step("silver: supply");
    List<Dataset<Row>> supply = new ArrayList<>();
    List<Dataset<Row>> supplySlices = new ArrayList<>();
    addLatest(Source.GAM, "report_date", GamSupply::toSupply, delivered, supply, supplySlices);
    addLatest(
        Source.MONETIZE, "report_date", MonetizeSupply::toSupply, delivered, supply, supplySlices);
    if (!supply.isEmpty()) {
      Dataset<Row> rows =
          SilverSupply.build(
              supply.stream().reduce(Dataset::unionByName).get(),
              accounts().select("org_id", "reporting_currency").distinct(),
              rates(),
              fxLookbackDays);
      results.add(
          merge(
              Tables.SILVER_SUPPLY,
              rows,
              supplySlices.stream().reduce(Dataset::unionByName).get(),
              runId));
    }

    progress.step("silver: bookings and setup");
    bronze(ExportFormats.of(Source.BOOKINGS).get(0))
        .ifPresent(
            b -> {
              Dataset<Row> today = b.filter(delivered);
              Dataset<Row> snapshot = LatestDelivery.keep(today, "org_id");
              results.add(
                  merge(
                      Tables.SILVER_BOOKINGS,
                      Bookings.toSilver(snapshot),
                      today.select("org_id").distinct(),
                      runId));
            });
    List<Dataset<Row>> setup = new ArrayList<>();
    Optional<Dataset<Row>> ios = bronze(ExportFormats.byName("dv360_sdf_insertion_orders"));
    Optional<Dataset<Row>> lis = bronze(ExportFormats.byName("dv360_sdf_line_items"));
    if (ios.isPresent() && lis.isPresent()) {
      setup.add(
          SetupEntities.fromSdf(
              LatestDelivery.keep(ios.get().filter(delivered), "org_id"),
              LatestDelivery.keep(lis.get().filter(delivered), "org_id")));
    }
    bronze(ExportFormats.byName("ttd_ad_groups"))
        .ifPresent(
            t ->
                setup.add(
                    SetupEntities.fromTtd(LatestDelivery.keep(t.filter(delivered), "org_id"))));
    bronze(ExportFormats.byName("meta_ad_sets"))
        .ifPresent(
            m ->
                setup.add(
                    SetupEntities.fromMeta(
                        LatestDelivery.keep(m.filter(delivered), "org_id"),
                        accounts().filter(col("platform").equalTo(Platform.META.code())))));
    if (!setup.isEmpty()) {
      Dataset<Row> entities = setup.stream().reduce(Dataset::unionByName).get();
      // A platform's snapshot replaces that platform's entities of the org, and only those.
      results.add(
          merge(
              Tables.SILVER_SETUP,
              entities,
              entities.select("org_id", "platform").distinct(),
              runId));
    }
    progress.step("silver: done");
    return new LayerReport(first, last, runId, results, missingFx);
  }

  /** Silver FX as it stands (this run's rates merged already); empty before any rates arrived. */
  private Dataset<Row> rates() {
    return lakehouse.exists(Tables.SILVER_FX)
        ? lakehouse.read(Tables.SILVER_FX)
        : FxRates.toSilver(
            lakehouse
                .spark()
                .createDataFrame(List.of(), BronzeRows.bronze(ExportFormats.of(Source.FX).get(0))));
  }

  /**
   * The latest delivery of every (org, report day) the window's deliveries touch, mapped by {@code
   * toSilver}, and the slices it replaces: (org, platform, day) for a DSP, (org, SSP, day) for a
   * sell-side source.
   */
  private void addLatest(
      Source source,
      String reportDateColumn,
      Function<Dataset<Row>, Dataset<Row>> toSilver,
      Column delivered,
      List<Dataset<Row>> rows,
      List<Dataset<Row>> slices) {
    String sliceColumn = source.ssp().isPresent() ? "ssp" : "platform";
    String code =
        source.ssp().map(Ssp::code).orElseGet(() -> source.platform().orElseThrow().code());
    bronze(ExportFormats.of(source).get(0))
        .ifPresent(
            bronze -> {
              Dataset<Row> affected =
                  bronze.filter(delivered).select(col("org_id"), col(reportDateColumn)).distinct();
              Dataset<Row> latest =
                  LatestDelivery.keep(
                      candidates(bronze, affected, reportDateColumn), "org_id", reportDateColumn);
              rows.add(toSilver.apply(latest));
              slices.add(
                  affected.select(
                      col("org_id"),
                      lit(code).as(sliceColumn),
                      col(reportDateColumn).as("report_date")));
            });
  }

  /**
   * Every delivery that can hold the affected report days: none older than the earliest affected
   * day (a delivery holds no day after its own date), and no upper bound, so reprocessing an old
   * date never rolls a day back from a newer delivery. The literal bound lets Iceberg prune
   * partitions: a run reads the few days of bronze around its dates, not all of history.
   */
  private static Dataset<Row> candidates(
      Dataset<Row> bronze, Dataset<Row> affected, String dayColumn) {
    Row earliest = affected.agg(org.apache.spark.sql.functions.min(col(dayColumn))).first();
    if (earliest.isNullAt(0)) {
      return bronze.limit(0);
    }
    return bronze
        .filter(col("delivery_date").geq(lit(earliest.getDate(0))))
        // The affected slices are few (orgs x days): broadcast, so bronze rows are not shuffled to
        // meet them.
        .join(
            org.apache.spark.sql.functions.broadcast(affected),
            new String[] {"org_id", dayColumn},
            "left_semi");
  }

  private MergedSlices merge(
      TableSpec table, Dataset<Row> rows, Dataset<Row> slices, String runId) {
    MergedSlices result = SliceMerge.mergeChecked(lakehouse, table, rows, slices, runId);
    progress.done("silver: " + result.summary());
    return result;
  }

  private Optional<Dataset<Row>> bronze(ExportFormat format) {
    if (!lakehouse.exists(format.table())) {
      return Optional.empty();
    }
    return Optional.of(lakehouse.read(format.table()));
  }

  /**
   * The orgs that name their own Meta conversion action types (conf/orgs.yaml,
   * sources.meta.conversion_types).
   */
  private Dataset<Row> metaConversionTypes() {
    List<Row> rows = new ArrayList<>();
    for (Org org : orgs.orgs()) {
      List<String> types = org.options(Source.META).conversionTypes();
      if (types != null) {
        rows.add(RowFactory.create(org.id().value(), types.toArray(String[]::new)));
      }
    }
    StructType schema =
        new StructType()
            .add("org_id", DataTypes.StringType)
            .add("conversion_types", DataTypes.createArrayType(DataTypes.StringType));
    return lakehouse.spark().createDataFrame(rows, schema);
  }

  /**
   * Each org's account on each platform: reporting currency and the timezone the platform reports
   * in.
   */
  private Dataset<Row> accounts() {
    List<Row> rows = new ArrayList<>();
    for (Org org : orgs.orgs()) {
      for (Source source : List.of(Source.DV360, Source.TTD, Source.META)) {
        rows.add(
            RowFactory.create(
                org.id().value(),
                source.platform().orElseThrow().code(),
                org.reportingCurrency(),
                org.timezoneOf(source)));
      }
    }
    StructType schema =
        new StructType()
            .add("org_id", DataTypes.StringType)
            .add("platform", DataTypes.StringType)
            .add("reporting_currency", DataTypes.StringType)
            .add("timezone", DataTypes.StringType);
    return lakehouse.spark().createDataFrame(rows, schema);
  }
}

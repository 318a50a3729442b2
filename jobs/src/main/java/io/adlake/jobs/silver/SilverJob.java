package io.adlake.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.Platform;
import io.adlake.catalog.Source;
import io.adlake.catalog.TableSpec;
import io.adlake.catalog.Tables;
import io.adlake.catalog.org.Org;
import io.adlake.catalog.org.OrgRegistry;
import io.adlake.jobs.Progress;
import io.adlake.jobs.SliceMerge;
import io.adlake.quality.GrainCheck;
import io.adlake.transforms.formats.ExportFormat;
import io.adlake.transforms.formats.ExportFormats;
import io.adlake.transforms.silver.Bookings;
import io.adlake.transforms.silver.Dv360Delivery;
import io.adlake.transforms.silver.FxConversion;
import io.adlake.transforms.silver.FxRates;
import io.adlake.transforms.silver.LatestDelivery;
import io.adlake.transforms.silver.MetaDelivery;
import io.adlake.transforms.silver.SetupEntities;
import io.adlake.transforms.silver.SilverDelivery;
import io.adlake.transforms.silver.TtdDelivery;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Builds silver from the bronze deliveries of one date, for all orgs at once. Each report day a delivery touches
 * is rebuilt from the latest delivery of that day (restatements win) and replaced in silver with one MERGE per
 * table: rerunning a date leaves silver as it was.
 *
 * <p>Order matters: FX first, so delivery is converted with the rates delivered the same day.
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

  public SilverReport run(LocalDate deliveryDate) {
    String runId = "silver-" + deliveryDate + "-" + UUID.randomUUID().toString().substring(0, 8);
    Date day = Date.valueOf(deliveryDate);
    List<SilverReport.TableResult> results = new ArrayList<>();

    progress.step("silver " + runId + ": FX rates");
    bronze(ExportFormats.of(Source.FX).get(0))
        .ifPresent(
            fx -> {
              Dataset<Row> affected = fx.filter(col("delivery_date").equalTo(day)).select("org_id", "rate_date").distinct();
              Dataset<Row> latest =
                  LatestDelivery.keep(
                      fx.filter(col("delivery_date").leq(day)).join(affected, new String[] {"org_id", "rate_date"}, "left_semi"),
                      "org_id",
                      "rate_date");
              results.add(merge(Tables.SILVER_FX, FxRates.toSilver(latest), affected, runId));
            });

    progress.step("silver: delivery");
    List<Dataset<Row>> unified = new ArrayList<>();
    List<Dataset<Row>> slices = new ArrayList<>();
    addPlatform(Source.DV360, "report_date", Dv360Delivery::toDelivery, day, unified, slices);
    addPlatform(Source.TTD, "report_date", TtdDelivery::toDelivery, day, unified, slices);
    addPlatform(
        Source.META, "date_start", b -> MetaDelivery.toDelivery(b, MetaDelivery.DEFAULT_CONVERSION_ACTIONS), day, unified, slices);
    long missingFx = 0;
    if (!unified.isEmpty()) {
      Dataset<Row> rates =
          lakehouse.exists(Tables.SILVER_FX)
              ? lakehouse.read(Tables.SILVER_FX)
              : lakehouse.spark().createDataFrame(List.of(), fxSchema());
      Dataset<Row> delivery =
          SilverDelivery.build(unified.stream().reduce(Dataset::unionByName).get(), accounts(), rates, fxLookbackDays)
              .cache();
      try {
        GrainCheck.require(lakehouse.name(Tables.SILVER_DELIVERY), delivery, Tables.SILVER_DELIVERY.grain());
        missingFx = delivery.filter(col("fx_status").equalTo(FxConversion.MISSING_RATE)).count();
        results.add(
            merge(Tables.SILVER_DELIVERY, delivery, slices.stream().reduce(Dataset::unionByName).get(), runId));
      } finally {
        delivery.unpersist();
      }
    }

    progress.step("silver: bookings and setup");
    bronze(ExportFormats.of(Source.BOOKINGS).get(0))
        .ifPresent(
            b -> {
              Dataset<Row> today = b.filter(col("delivery_date").equalTo(day));
              Dataset<Row> snapshot = LatestDelivery.keep(today, "org_id");
              results.add(merge(Tables.SILVER_BOOKINGS, Bookings.toSilver(snapshot), today.select("org_id").distinct(), runId));
            });
    List<ExportFormat> sdf = ExportFormats.of(Source.SETUP);
    Optional<Dataset<Row>> ios = bronze(sdf.get(0));
    Optional<Dataset<Row>> lis = bronze(sdf.get(1));
    if (ios.isPresent() && lis.isPresent()) {
      Dataset<Row> io = LatestDelivery.keep(ios.get().filter(col("delivery_date").equalTo(day)), "org_id");
      Dataset<Row> li = LatestDelivery.keep(lis.get().filter(col("delivery_date").equalTo(day)), "org_id");
      Dataset<Row> setupSlices =
          io.select("org_id").union(li.select("org_id")).distinct().withColumn("platform", lit(Platform.DV360.code()));
      results.add(merge(Tables.SILVER_SETUP, SetupEntities.toSilver(io, li), setupSlices, runId));
    }
    progress.step("silver: done");
    return new SilverReport(deliveryDate, runId, results, missingFx);
  }

  private void addPlatform(
      Source source,
      String reportDateColumn,
      Function<Dataset<Row>, Dataset<Row>> toDelivery,
      Date day,
      List<Dataset<Row>> unified,
      List<Dataset<Row>> slices) {
    bronze(ExportFormats.of(source).get(0))
        .ifPresent(
            bronze -> {
              Dataset<Row> affected =
                  bronze
                      .filter(col("delivery_date").equalTo(day))
                      .select(col("org_id"), col(reportDateColumn))
                      .distinct();
              Dataset<Row> latest =
                  LatestDelivery.keep(
                      bronze
                          .filter(col("delivery_date").leq(day))
                          .join(affected, new String[] {"org_id", reportDateColumn}, "left_semi"),
                      "org_id",
                      reportDateColumn);
              unified.add(toDelivery.apply(latest));
              slices.add(
                  affected.select(
                      col("org_id"),
                      lit(source.platform().orElseThrow().code()).as("platform"),
                      col(reportDateColumn).as("report_date")));
            });
  }

  private SilverReport.TableResult merge(TableSpec table, Dataset<Row> rows, Dataset<Row> slices, String runId) {
    Dataset<Row> cached = rows.cache();
    try {
      GrainCheck.require(lakehouse.name(table), cached, table.grain());
      long sliceCount = slices.distinct().count();
      SliceMerge.replace(lakehouse, table, cached, slices, runId);
      return new SilverReport.TableResult(table.path(), sliceCount, cached.count());
    } finally {
      cached.unpersist();
    }
  }

  private Optional<Dataset<Row>> bronze(ExportFormat format) {
    if (!lakehouse.exists(format.table())) {
      return Optional.empty();
    }
    return Optional.of(lakehouse.read(format.table()));
  }

  /** Each org's account on each platform: reporting currency and the timezone the platform reports in. */
  private Dataset<Row> accounts() {
    List<Row> rows = new ArrayList<>();
    for (Org org : orgs.orgs()) {
      for (Source source : List.of(Source.DV360, Source.TTD, Source.META)) {
        rows.add(
            RowFactory.create(
                org.id().value(), source.platform().orElseThrow().code(), org.reportingCurrency(), org.timezoneOf(source)));
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

  private static StructType fxSchema() {
    return new StructType()
        .add("org_id", DataTypes.StringType)
        .add("rate_date", DataTypes.DateType)
        .add("base_currency", DataTypes.StringType)
        .add("quote_currency", DataTypes.StringType)
        .add("rate", io.adlake.transforms.formats.Values.RATE)
        .add("source_batch_id", DataTypes.StringType);
  }
}

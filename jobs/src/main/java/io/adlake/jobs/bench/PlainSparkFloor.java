package io.adlake.jobs.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;

import io.adlake.platforms.dv360.Dv360ReportColumn;
import io.adlake.platforms.meta.MetaInsightsField;
import io.adlake.platforms.ttd.TtdReportColumn;
import java.nio.file.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The plain-Spark floor adlake is compared with: what the same files cost with no lineage, no
 * quarantine, no exactly-once, no gates and no branches. Ingest is one CSV or JSON read with casts
 * into an Iceberg table per format (a CTAS); silver a group-by of the three into one table; gold a
 * group-by of that by org, day and platform. Each stage is one Spark job per table, as the shortest
 * honest program would be.
 */
final class PlainSparkFloor {
  private PlainSparkFloor() {}

  /** Seconds per stage, and the rows the floor's ingest wrote. */
  record Times(double ingest, double silver, double gold, long rows) {
    double total() {
      return ingest + silver + gold;
    }
  }

  static Times run(SparkSession spark, String catalog, Path landing) {
    String ns = catalog + ".floor";
    spark.sql("CREATE NAMESPACE IF NOT EXISTS " + ns);
    String root = landing.toUri().toString();
    long start = System.nanoTime();
    spark.sparkContext().setJobDescription("floor: ingest DV360 CSV -> Iceberg");
    Dataset<Row> dv360 =
        spark
            .read()
            .option("header", "true")
            .csv(root + "*/dv360/*/*.csv")
            .withColumn("day", to_date(col(Dv360ReportColumn.DATE.header()), "yyyy/MM/dd"))
            .filter(
                col("day")
                    .isNotNull()
                    .and(col(Dv360ReportColumn.LINE_ITEM_ID.header()).isNotNull()))
            .select(
                org(),
                col("day"),
                lit("dv360").as("platform"),
                col(Dv360ReportColumn.LINE_ITEM_ID.header()).as("entity_id"),
                col(Dv360ReportColumn.IMPRESSIONS.header()).cast("long").as("impressions"),
                col(Dv360ReportColumn.CLICKS.header()).cast("long").as("clicks"),
                col(Dv360ReportColumn.MEDIA_COST.header()).cast("decimal(20,6)").as("media_cost"),
                col(Dv360ReportColumn.TOTAL_MEDIA_COST.header())
                    .cast("decimal(20,6)")
                    .as("total_media_cost"));
    dv360.writeTo(ns + ".dv360").createOrReplace();
    spark.sparkContext().setJobDescription("floor: ingest TTD CSV -> Iceberg");
    Dataset<Row> ttd =
        spark
            .read()
            .option("header", "true")
            .csv(root + "*/ttd/*/*.csv")
            .select(
                org(),
                to_date(col(TtdReportColumn.DATE.header())).as("day"),
                lit("ttd").as("platform"),
                col(TtdReportColumn.AD_GROUP_ID.header()).as("entity_id"),
                col(TtdReportColumn.IMPRESSIONS.header()).cast("long").as("impressions"),
                col(TtdReportColumn.CLICKS.header()).cast("long").as("clicks"),
                col(TtdReportColumn.MEDIA_COST.header()).cast("decimal(20,6)").as("media_cost"),
                col(TtdReportColumn.PARTNER_COST.header())
                    .cast("decimal(20,6)")
                    .as("total_media_cost"));
    ttd.writeTo(ns + ".ttd").createOrReplace();
    spark.sparkContext().setJobDescription("floor: ingest Meta JSON -> Iceberg");
    Dataset<Row> meta =
        spark
            .read()
            .json(root + "*/meta/*/*.jsonl")
            .select(
                org(),
                to_date(col(MetaInsightsField.DATE_START.fieldName())).as("day"),
                lit("meta").as("platform"),
                col(MetaInsightsField.AD_ID.fieldName()).as("entity_id"),
                col(MetaInsightsField.IMPRESSIONS.fieldName()).cast("long").as("impressions"),
                col(MetaInsightsField.CLICKS.fieldName()).cast("long").as("clicks"),
                col(MetaInsightsField.SPEND.fieldName()).cast("decimal(20,6)").as("media_cost"),
                col(MetaInsightsField.SPEND.fieldName())
                    .cast("decimal(20,6)")
                    .as("total_media_cost"));
    meta.writeTo(ns + ".meta").createOrReplace();
    double ingest = seconds(start);

    start = System.nanoTime();
    spark.sparkContext().setJobDescription("floor: silver group-by -> Iceberg");
    Dataset<Row> all =
        spark
            .table(ns + ".dv360")
            .unionByName(spark.table(ns + ".ttd"))
            .unionByName(spark.table(ns + ".meta"));
    all.groupBy("org_id", "day", "platform", "entity_id")
        .agg(
            sum("impressions").as("impressions"),
            sum("clicks").as("clicks"),
            sum("media_cost").as("media_cost"),
            sum("total_media_cost").as("total_media_cost"))
        .writeTo(ns + ".delivery")
        .createOrReplace();
    double silver = seconds(start);

    start = System.nanoTime();
    spark.sparkContext().setJobDescription("floor: gold group-by -> Iceberg");
    spark
        .table(ns + ".delivery")
        .groupBy("org_id", "day", "platform")
        .agg(
            sum("impressions").as("impressions"),
            sum("clicks").as("clicks"),
            sum("total_media_cost").as("total_media_cost"))
        .writeTo(ns + ".summary")
        .createOrReplace();
    double gold = seconds(start);
    spark.sparkContext().setJobDescription(null);
    long rows = spark.table(ns + ".delivery").count();
    return new Times(ingest, silver, gold, rows);
  }

  /** The org is the landing folder the file is in, as adlake reads it. */
  private static Column org() {
    return regexp_extract(input_file_name(), "/([^/]+)/(dv360|ttd|meta)/", 1).as("org_id");
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}

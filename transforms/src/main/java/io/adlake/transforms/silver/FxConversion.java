package io.adlake.transforms.silver;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import io.adlake.transforms.formats.EcbFxRates;
import io.adlake.transforms.formats.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Converts delivery amounts into each org's reporting currency with the org's own rates of the
 * report date. Rates are EUR-based (1 EUR = rate units), so source to reporting is {@code
 * rate(reporting) / rate(source)}. Days without a fixing (weekends, holidays) use the latest rate
 * at most {@code lookbackDays} before; with none, amounts in reporting currency stay null and
 * {@code fx_status} says {@code missing_rate}: never a guessed rate.
 */
public final class FxConversion {
  private FxConversion() {}

  public static final String SAME_CURRENCY = "same_currency";
  public static final String CONVERTED = "converted";
  public static final String MISSING_RATE = "missing_rate";

  /**
   * @param delivery rows with {@code org_id}, {@code report_date}, {@code currency} and the amount
   *     columns
   * @param orgs {@code org_id}, {@code reporting_currency}
   * @param rates silver FX: {@code org_id, rate_date, base_currency, quote_currency, rate}
   */
  public static Dataset<Row> apply(
      Dataset<Row> delivery, Dataset<Row> orgs, Dataset<Row> rates, int lookbackDays) {
    return apply(delivery, orgs, rates, lookbackDays, DeliveryColumns.AMOUNTS);
  }

  /**
   * The same conversion for any amount columns: each {@code x} gets an {@code x_rc}. Gold converts
   * booked rates and budgets with it, so every layer uses one rule.
   */
  public static Dataset<Row> apply(
      Dataset<Row> delivery,
      Dataset<Row> orgs,
      Dataset<Row> rates,
      int lookbackDays,
      List<String> amounts) {
    // Left join: a row of an org that left the registry keeps its place, marked missing_rate, not
    // dropped.
    Dataset<Row> withTarget =
        delivery.join(
            broadcast(orgs.select("org_id", "reporting_currency")),
            new String[] {"org_id"},
            "left");

    Dataset<Row> needed =
        withTarget
            .select(col("org_id"), col("report_date"), col("currency").as("ccy"))
            .union(
                withTarget.select(
                    col("org_id"), col("report_date"), col("reporting_currency").as("ccy")))
            .distinct();
    Dataset<Row> perEuro = perEuroAsOf(needed, rates, lookbackDays);

    Dataset<Row> src =
        perEuro.toDF("org_id", "report_date", "currency", "src_rate", "src_rate_date");
    Dataset<Row> dst =
        perEuro.toDF("org_id", "report_date", "reporting_currency", "dst_rate", "dst_rate_date");
    // The rates needed are few (orgs x report days x currencies): broadcast them, so the delivery
    // rows are not
    // shuffled twice to meet them (Spark estimates their size from the delivery rows they were
    // derived from).
    Dataset<Row> joined =
        withTarget
            .join(broadcast(src), new String[] {"org_id", "report_date", "currency"}, "left")
            .join(
                broadcast(dst),
                new String[] {"org_id", "report_date", "reporting_currency"},
                "left");

    Column same = coalesce(col("currency").equalTo(col("reporting_currency")), lit(false));
    Column known = col("src_rate").isNotNull().and(col("dst_rate").isNotNull());
    Column fxRate =
        when(same, lit(1).cast(Values.RATE))
            .when(known, col("dst_rate").divide(col("src_rate")).cast(Values.RATE));
    // One projection for every new column: each withColumn would analyse the whole plan again.
    Map<String, Column> added = new LinkedHashMap<>();
    added.put("fx_rate", fxRate);
    added.put(
        "fx_rate_date",
        when(same, col("report_date"))
            .when(known, least(col("src_rate_date"), col("dst_rate_date"))));
    added.put(
        "fx_status",
        when(same, lit(SAME_CURRENCY)).when(known, lit(CONVERTED)).otherwise(lit(MISSING_RATE)));
    for (String amount : amounts) {
      added.put(amount + "_rc", col(amount).multiply(fxRate).cast(Values.AMOUNT));
    }
    return joined.withColumns(added).drop("src_rate", "src_rate_date", "dst_rate", "dst_rate_date");
  }

  /** Units of {@code ccy} per euro as of each (org, date); euro itself is 1 on every date. */
  static Dataset<Row> perEuroAsOf(Dataset<Row> needed, Dataset<Row> rates, int lookbackDays) {
    Dataset<Row> euroBased =
        rates
            .filter(col("base_currency").equalTo(EcbFxRates.BASE_CURRENCY))
            .select(
                col("org_id").as("r_org"),
                col("quote_currency").as("r_ccy"),
                col("rate_date"),
                col("rate"));
    Column inWindow =
        col("org_id")
            .equalTo(col("r_org"))
            .and(col("ccy").equalTo(col("r_ccy")))
            .and(col("rate_date").leq(col("report_date")))
            .and(col("rate_date").geq(date_sub(col("report_date"), lookbackDays)));
    Dataset<Row> latest =
        needed
            .filter(col("ccy").notEqual(EcbFxRates.BASE_CURRENCY))
            .join(euroBased, inWindow, "left")
            .withColumn(
                "_rank",
                row_number()
                    .over(
                        Window.partitionBy("org_id", "report_date", "ccy")
                            .orderBy(col("rate_date").desc_nulls_last())))
            .filter(col("_rank").equalTo(1))
            .select(
                col("org_id"),
                col("report_date"),
                col("ccy"),
                col("rate").cast(Values.RATE),
                col("rate_date"));
    Dataset<Row> euro =
        needed
            .filter(col("ccy").equalTo(EcbFxRates.BASE_CURRENCY))
            .select(
                col("org_id"),
                col("report_date"),
                col("ccy"),
                lit(1).cast(Values.RATE).as("rate"),
                col("report_date").as("rate_date"));
    return latest.unionByName(euro);
  }
}

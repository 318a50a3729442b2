package io.adlake.transforms.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.adlake.transforms.formats.Values;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code silver.supply_daily} from the SSPs' mapped rows (latest delivery of each day already
 * chosen): exact copies counted once, each line converted to the org's reporting currency with the
 * org's rates of the report date (the rule delivery uses), then rolled up to the grain.
 *
 * <p>Ad Manager can write some of a day's lines in a local currency: lines of one grain key in two
 * currencies are summed in the reporting currency only, their source-currency amounts null and
 * {@code currency} {@code mixed}, never added across currencies.
 */
public final class SilverSupply {
  private SilverSupply() {}

  public static final String MIXED = "mixed";

  /**
   * @param mapped union of the SSPs' {@code toSupply} outputs
   * @param orgs {@code org_id, reporting_currency}
   * @param rates silver FX
   */
  public static Dataset<Row> build(
      Dataset<Row> mapped, Dataset<Row> orgs, Dataset<Row> rates, int lookbackDays) {
    List<String> distinctBy = new ArrayList<>(SupplyColumns.GRAIN);
    distinctBy.add("detail_key");
    distinctBy.add("impressions");
    distinctBy.add("currency");
    distinctBy.addAll(SupplyColumns.AMOUNTS);
    Dataset<Row> distinct = mapped.dropDuplicates(distinctBy.toArray(String[]::new));
    Dataset<Row> converted =
        FxConversion.apply(distinct, orgs, rates, lookbackDays, SupplyColumns.AMOUNTS);

    // One currency among the lines: min = max, not countDistinct = 1. The same answer (both ignore
    // nulls; lines all without a currency are not single either way), but Spark plans a distinct
    // count beside other aggregates as two more aggregation levels (6 sort-based aggregates in this
    // roll-up's plan instead of 4).
    Column single = min(col("currency")).equalTo(max(col("currency")));
    List<Column> aggregates = new ArrayList<>();
    for (String name : SupplyColumns.NAMES) {
      aggregates.add(max(col(name)).as(name));
    }
    aggregates.add(sum(col("impressions")).as("impressions"));
    for (String amount : SupplyColumns.AMOUNTS) {
      aggregates.add(when(single, sum(col(amount))).cast(Values.AMOUNT).as(amount));
    }
    aggregates.add(when(single, first(col("currency"))).otherwise(lit(MIXED)).as("currency"));
    aggregates.add(max(col("reporting_currency")).as("reporting_currency"));
    aggregates.add(when(single, max(col("fx_rate"))).cast(Values.RATE).as("fx_rate"));
    aggregates.add(min(col("fx_rate_date")).as("fx_rate_date"));
    aggregates.add(LinesWithoutFx.count());
    Column sameCurrency = col("fx_status").equalTo(FxConversion.SAME_CURRENCY);
    aggregates.add(min(when(sameCurrency, 1).otherwise(0)).equalTo(1).as("all_same_currency"));
    for (String amount : SupplyColumns.AMOUNTS) {
      aggregates.add(sum(col(amount + "_rc")).cast(Values.AMOUNT).as(amount + "_rc"));
    }
    aggregates.add(max(col("report_timezone")).as("timezone"));
    aggregates.add(max(col("delivery_date")).as("delivery_date"));
    aggregates.add(max(col("batch_id")).as("source_batch_id"));

    Column[] grain = SupplyColumns.GRAIN.stream().map(c -> col(c)).toArray(Column[]::new);
    Dataset<Row> rolled =
        converted
            .groupBy(grain)
            .agg(
                aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
    List<Column> columns = new ArrayList<>();
    SupplyColumns.GRAIN.forEach(c -> columns.add(col(c)));
    SupplyColumns.NAMES.forEach(c -> columns.add(col(c)));
    columns.add(col("impressions"));
    SupplyColumns.AMOUNTS.forEach(c -> columns.add(col(c)));
    for (String c : List.of("currency", "reporting_currency", "fx_rate", "fx_rate_date")) {
      columns.add(col(c));
    }
    columns.add(fxStatus().as("fx_status"));
    // A missing rate on any line leaves the total unknown, as delivery does: null, never a partial
    // sum.
    SupplyColumns.AMOUNTS.forEach(
        c -> columns.add(LinesWithoutFx.whenAllConverted(col(c + "_rc")).as(c + "_rc")));
    for (String c : List.of("timezone", "delivery_date", "source_batch_id")) {
      columns.add(col(c));
    }
    return rolled.select(columns.toArray(Column[]::new));
  }

  /**
   * A rolled-up row's: missing_rate if any line lacks a rate; same_currency if every line was; else
   * converted.
   */
  private static Column fxStatus() {
    return when(not(LinesWithoutFx.allConverted()), lit(FxConversion.MISSING_RATE))
        .when(col("all_same_currency"), lit(FxConversion.SAME_CURRENCY))
        .otherwise(lit(FxConversion.CONVERTED));
  }
}

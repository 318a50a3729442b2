package io.adlake.transforms.silver;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_json;

import io.adlake.transforms.formats.Values;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Rolls platform rows, already renamed to the delivery dictionary, up to the silver grain. Lines
 * that are exact copies of each other (same keys, same metrics, same extra columns: a file or a
 * block delivered twice) are counted once; rows that differ below the grain (Meta's ads within an
 * ad set, extra breakdown columns) are summed.
 */
public final class UnifiedDelivery {
  private UnifiedDelivery() {}

  /**
   * @param mapped rows with the {@link DeliveryColumns} names plus {@code conversions_counted},
   *     {@code currency}, {@code detail_key} (what makes a row distinct below the grain), {@code
   *     delivery_date} and {@code batch_id}
   */
  public static Dataset<Row> rollUp(Dataset<Row> mapped) {
    List<String> distinctBy = new ArrayList<>(DeliveryColumns.GRAIN);
    distinctBy.add("detail_key");
    distinctBy.addAll(DeliveryColumns.METRICS);
    // One shuffle for both steps: rows clustered by some of the grain's columns are clustered by
    // the grain and by
    // every superset of it, so neither the dropDuplicates nor the group-by below needs an exchange
    // of its own.
    // Not by platform: a literal per platform, which the optimizer folds into the exchange, where
    // it no longer
    // matches the column the aggregates ask to be clustered by.
    Column[] grain = DeliveryColumns.GRAIN.stream().map(c -> col(c)).toArray(Column[]::new);
    Column[] spread =
        DeliveryColumns.GRAIN.stream()
            .filter(c -> !c.equals("platform"))
            .map(c -> col(c))
            .toArray(Column[]::new);
    Dataset<Row> distinct =
        mapped.repartition(spread).dropDuplicates(distinctBy.toArray(String[]::new));

    List<Column> aggregates = new ArrayList<>();
    for (String name : DeliveryColumns.NAMES) {
      aggregates.add(max(col(name)).as(name));
    }
    aggregates.add(sum(coalesce(col("impressions"), lit(0L))).as("impressions"));
    aggregates.add(sum(coalesce(col("clicks"), lit(0L))).as("clicks"));
    aggregates.add(sum(coalesce(col("conversions"), lit(0))).cast(Values.AMOUNT).as("conversions"));
    for (String amount : DeliveryColumns.AMOUNTS) {
      aggregates.add(sum(col(amount)).cast(Values.AMOUNT).as(amount));
    }
    aggregates.add(
        max(col(DeliveryColumns.CONVERSIONS_COUNTED)).as(DeliveryColumns.CONVERSIONS_COUNTED));
    aggregates.add(first(col("currency")).as("currency"));
    aggregates.add(max(col("delivery_date")).as("delivery_date"));
    aggregates.add(max(col("batch_id")).as("source_batch_id"));
    return distinct
        .groupBy(grain)
        .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
  }

  /**
   * What distinguishes two CSV rows with the same keys: the cells of columns the format does not
   * map.
   */
  static Column extrasKey() {
    return coalesce(to_json(col("extra_columns")), lit("{}"));
  }

  /** A deal id as both sides write it: trimmed, and null when the cell is empty. */
  public static Column dealId(Column id) {
    Column trimmed = org.apache.spark.sql.functions.trim(id);
    return org.apache.spark.sql.functions.when(trimmed.notEqual(lit("")), trimmed);
  }

  static Column amount(String column) {
    return col(column).cast(Values.AMOUNT);
  }

  static Column text(String value) {
    return lit(value).cast(DataTypes.StringType);
  }
}

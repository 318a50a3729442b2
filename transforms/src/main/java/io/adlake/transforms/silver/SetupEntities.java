package io.adlake.transforms.silver;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.adlake.catalog.Platform;
import io.adlake.transforms.formats.Values;
import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Platform setup entities from SDF snapshots, one row per insertion order and line item. An insertion order's
 * flight and budget come from its budget segments; a line item whose dates are "Same as Insertion Order" takes
 * its IO's flight, flagged by {@code flight_inherited}.
 */
public final class SetupEntities {
  private SetupEntities() {}

  public static final String INSERTION_ORDER = "insertion_order";
  public static final String LINE_ITEM = "line_item";

  public static Dataset<Row> toSilver(Dataset<Row> insertionOrders, Dataset<Row> lineItems) {
    Column segments = col("budget_segments");
    Dataset<Row> ios =
        insertionOrders.select(
            col("org_id"),
            lit(Platform.DV360.code()).as("platform"),
            lit(INSERTION_ORDER).as("entity_type"),
            col("io_id").as("entity_id"),
            col("campaign_id").as("parent_entity_id"),
            col("name"),
            col("status"),
            col("budget_type"),
            aggregate(segments, lit(BigDecimal.ZERO).cast(Values.AMOUNT), (acc, s) -> acc.plus(s.getField("budget")).cast(Values.AMOUNT))
                .as("budget_amount"),
            segments.as("budget_segments"),
            col("pacing"),
            col("pacing_rate"),
            col("pacing_amount"),
            array_min(segments.getField("start_date")).as("flight_start"),
            array_max(segments.getField("end_date")).as("flight_end"),
            lit(false).as("flight_inherited"),
            col("frequency_enabled").as("frequency_cap_enabled"),
            col("frequency_exposures").as("frequency_cap_exposures"),
            col("frequency_period").as("frequency_cap_period"),
            col("frequency_amount").as("frequency_cap_amount"),
            col("delivery_date").as("snapshot_date"),
            col("batch_id").as("source_batch_id"));

    Dataset<Row> ioFlights =
        ios.select(
            col("org_id").as("io_org"),
            col("entity_id").as("io_entity"),
            col("flight_start").as("io_start"),
            col("flight_end").as("io_end"));
    Dataset<Row> lis =
        lineItems
            .join(ioFlights, col("org_id").equalTo(col("io_org")).and(col("io_id").equalTo(col("io_entity"))), "left")
            .select(
                col("org_id"),
                lit(Platform.DV360.code()).as("platform"),
                lit(LINE_ITEM).as("entity_type"),
                col("line_item_id").as("entity_id"),
                col("io_id").as("parent_entity_id"),
                col("name"),
                col("status"),
                col("budget_type"),
                col("budget_amount"),
                lit(null).cast(segments(insertionOrders)).as("budget_segments"),
                col("pacing"),
                col("pacing_rate"),
                col("pacing_amount"),
                coalesce(col("start_date"), col("io_start")).as("flight_start"),
                coalesce(col("end_date"), col("io_end")).as("flight_end"),
                col("start_date").isNull().or(col("end_date").isNull()).as("flight_inherited"),
                col("frequency_enabled").as("frequency_cap_enabled"),
                col("frequency_exposures").as("frequency_cap_exposures"),
                col("frequency_period").as("frequency_cap_period"),
                col("frequency_amount").as("frequency_cap_amount"),
                col("delivery_date").as("snapshot_date"),
                col("batch_id").as("source_batch_id"));
    return ios.unionByName(lis)
        .withColumn("budget_amount", when(col("budget_type").equalTo("Unlimited"), lit(null).cast(Values.AMOUNT)).otherwise(col("budget_amount")))
        .withColumn("frequency_cap_enabled", col("frequency_cap_enabled").cast(DataTypes.BooleanType));
  }

  private static org.apache.spark.sql.types.DataType segments(Dataset<Row> insertionOrders) {
    return insertionOrders.schema().apply("budget_segments").dataType();
  }
}

package io.adlake.transforms.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import io.adlake.model.Platform;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The bookings dimension: each org's latest CRM snapshot, platforms as silver platform codes and
 * buy types upper-cased (CPM, CPC, FLAT). A booking id listed twice in one snapshot keeps its last
 * line.
 */
public final class Bookings {
  private Bookings() {}

  public static Dataset<Row> toSilver(Dataset<Row> bronzeSnapshot) {
    return bronzeSnapshot
        .withColumn(
            "_last",
            row_number()
                .over(
                    Window.partitionBy("org_id", "booking_line_id")
                        .orderBy(col("source_row_number").desc())))
        .filter(col("_last").equalTo(1))
        .select(
            col("org_id"),
            col("booking_line_id"),
            col("opportunity_id"),
            col("opportunity_name"),
            col("advertiser_name"),
            when(col("platform").equalTo("DV360"), Platform.DV360.code())
                .when(col("platform").equalTo("The Trade Desk"), Platform.TTD.code())
                .when(col("platform").equalTo("Meta"), Platform.META.code())
                .as("platform"),
            col("platform_entity_id"),
            col("flight_start"),
            col("flight_end"),
            col("booked_budget"),
            col("sold_rate"),
            upper(col("buy_type")).as("buy_type"),
            col("currency"),
            col("delivery_date").as("snapshot_date"),
            col("batch_id").as("source_batch_id"));
  }
}

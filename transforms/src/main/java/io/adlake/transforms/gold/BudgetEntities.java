package io.adlake.transforms.gold;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.adlake.transforms.formats.SdfInsertionOrders;
import io.adlake.transforms.formats.Values;
import io.adlake.transforms.silver.SetupEntities;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Everything that carries a budget and a flight, in one shape: booking lines (what was sold) and
 * the platforms' own budget entities (DV360 insertion orders and line items, TTD ad groups, Meta ad
 * sets). {@code campaign_id} is the platform campaign each belongs to (a DV360 line item's
 * insertion order).
 *
 * <p>Each row says which delivery it is paced on: {@code match_on} is the silver delivery column
 * ({@code campaign_id} or {@code line_item_id}) and {@code match_id} its value. A booking line
 * books a platform campaign (a DV360 insertion order, a TTD or Meta campaign). Budgets are a list
 * of segments (start, end, budget); an entity with one budget over its flight has one segment. A
 * TTD ad group has no flight in its export and takes the flight of the booking of its campaign
 * ({@code flight_source = booking}). A daily-only budget counts as daily x flight days. Archived
 * entities are left out.
 */
public final class BudgetEntities {
  private BudgetEntities() {}

  public static final String BOOKING_LINE = "booking_line";
  public static final String UNMAPPED_PLATFORM = "unmapped";

  public static Dataset<Row> from(Dataset<Row> bookings, Dataset<Row> setup) {
    Dataset<Row> booked =
        bookings.select(
            col("org_id"),
            lit(BOOKING_LINE).as("entity_type"),
            coalesce(col("platform"), lit(UNMAPPED_PLATFORM)).as("platform"),
            col("booking_line_id").as("entity_id"),
            col("opportunity_name").as("entity_name"),
            col("platform_entity_id").as("parent_entity_id"),
            lit("Active").as("entity_status"),
            lit("Even").as("pacing_rate"),
            col("currency").as("budget_currency"),
            col("booked_budget").cast(Values.AMOUNT).as("budget_amount"),
            lit(null).cast(Values.AMOUNT).as("daily_cap"),
            lit(null).cast(SdfInsertionOrders.BUDGET_SEGMENTS).as("segments"),
            col("flight_start"),
            col("flight_end"),
            lit("booking").as("flight_source"),
            lit(false).as("platform_caps"),
            lit("campaign_id").as("match_on"),
            col("platform_entity_id").as("match_id"),
            col("platform_entity_id").as("campaign_id"));

    Dataset<Row> campaignFlights =
        bookings
            .filter(col("platform").isNotNull())
            .groupBy(
                col("org_id").as("b_org"),
                col("platform").as("b_platform"),
                col("platform_entity_id").as("b_entity"))
            .agg(min("flight_start").as("b_start"), max("flight_end").as("b_end"));
    Column bookedParent =
        col("org_id")
            .equalTo(col("b_org"))
            .and(col("platform").equalTo(col("b_platform")))
            .and(col("parent_entity_id").equalTo(col("b_entity")));
    Column ownFlight = col("flight_start").isNotNull().and(col("flight_end").isNotNull());
    Dataset<Row> platform =
        setup
            .filter(coalesce(col("status"), lit("")).notEqual("Archived"))
            .join(campaignFlights, bookedParent, "left")
            .select(
                col("org_id"),
                col("entity_type"),
                col("platform"),
                col("entity_id"),
                col("name").as("entity_name"),
                col("parent_entity_id"),
                col("status").as("entity_status"),
                coalesce(col("pacing_rate"), lit("Even")).as("pacing_rate"),
                col("budget_currency"),
                col("budget_amount").cast(Values.AMOUNT).as("budget_amount"),
                col("daily_budget_amount").cast(Values.AMOUNT).as("daily_cap"),
                col("budget_segments").as("segments"),
                when(ownFlight, col("flight_start")).otherwise(col("b_start")).as("flight_start"),
                when(ownFlight, col("flight_end")).otherwise(col("b_end")).as("flight_end"),
                when(ownFlight, lit("platform"))
                    .when(col("b_start").isNotNull(), lit("booking"))
                    .as("flight_source"),
                lit(true).as("platform_caps"),
                when(col("entity_type").equalTo(SetupEntities.INSERTION_ORDER), lit("campaign_id"))
                    .otherwise(lit("line_item_id"))
                    .as("match_on"),
                col("entity_id").as("match_id"),
                when(col("entity_type").equalTo(SetupEntities.INSERTION_ORDER), col("entity_id"))
                    .otherwise(col("parent_entity_id"))
                    .as("campaign_id"))
            .withColumn(
                "budget_amount",
                coalesce(
                    col("budget_amount"),
                    col("daily_cap")
                        .multiply(datediff(col("flight_end"), col("flight_start")).plus(1))
                        .cast(Values.AMOUNT)));

    Column oneSegment =
        when(
            col("budget_amount")
                .isNotNull()
                .and(col("flight_start").isNotNull())
                .and(col("flight_end").isNotNull()),
            array(
                    struct(
                        col("budget_amount").as("budget"),
                        col("flight_start").as("start_date"),
                        col("flight_end").as("end_date"),
                        lit(null).cast(DataTypes.StringType).as("description")))
                .cast(SdfInsertionOrders.BUDGET_SEGMENTS));
    return booked
        .unionByName(platform)
        .withColumn("segments", coalesce(col("segments"), oneSegment));
  }
}

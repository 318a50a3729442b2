package io.adlake.transforms.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import io.adlake.transforms.formats.Values;
import io.adlake.transforms.silver.FxConversion;
import io.adlake.transforms.silver.LinesWithoutFx;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code gold.margin_daily} and {@code gold.margin_monthly}: what each booking line earns against
 * what its delivery cost, in the org's reporting currency.
 *
 * <ul>
 *   <li>Billable revenue follows the booking's buy type: CPM = sold rate x impressions / 1000, CPC
 *       = sold rate x clicks, FLAT = booked budget / flight days on every flight day, delivered or
 *       not. Delivery outside the booking's flight bills nothing ({@code in_flight} false). Revenue
 *       is not capped at the booked budget; over-delivery shows in pacing.
 *   <li>Sold rates and flat fees convert from the booking's currency at each report day's rate.
 *   <li>Cost is silver's media cost and total media cost (media plus data and platform fees); gross
 *       margin = revenue - total media cost, margin % = gross margin / revenue.
 *   <li>Delivery whose campaign no booking books is kept as unbooked spend: booking_line_id {@code
 *       unbooked:<platform>:<campaign_id>}, is_booked false, revenue 0.
 * </ul>
 */
public final class MarginMart {
  private MarginMart() {}

  public static final String UNBOOKED_PREFIX = "unbooked";

  /** The days {@code first..last} (the job's rebuild window), all orgs in {@code in.orgs()}. */
  public static Dataset<Row> daily(GoldInputs in, Date first, Date last) {
    Column window = col("report_date").between(first, last);
    Dataset<Row> delivered =
        in.delivery()
            .filter(window)
            .join(in.orgs().select("org_id"), "org_id")
            .groupBy("org_id", "report_date", "platform", "campaign_id")
            .agg(
                max("advertiser_name").as("delivery_advertiser"),
                sum("impressions").as("impressions"),
                sum("clicks").as("clicks"),
                sum("media_cost_rc").cast(Values.AMOUNT).as("media_cost"),
                sum("total_media_cost_rc").cast(Values.AMOUNT).as("total_media_cost"),
                LinesWithoutFx.count());

    Dataset<Row> bookings =
        in.bookings()
            .join(in.orgs().select("org_id"), "org_id")
            .select(
                col("org_id"),
                col("booking_line_id"),
                col("opportunity_name"),
                col("advertiser_name"),
                col("platform").as("b_platform"),
                col("platform_entity_id"),
                col("flight_start"),
                col("flight_end"),
                col("booked_budget"),
                col("sold_rate"),
                col("buy_type"),
                col("currency").as("booking_currency"));

    Column booksCampaign =
        delivered
            .col("org_id")
            .equalTo(bookings.col("org_id"))
            .and(delivered.col("platform").equalTo(bookings.col("b_platform")))
            .and(delivered.col("campaign_id").equalTo(bookings.col("platform_entity_id")));
    Dataset<Row> bookedDelivery =
        delivered
            .join(bookings, booksCampaign)
            .select(
                col("booking_line_id"),
                delivered.col("org_id"),
                col("report_date"),
                col("impressions"),
                col("clicks"),
                col("media_cost"),
                col("total_media_cost"),
                col("lines_without_fx"));
    Dataset<Row> flatDays =
        bookings
            .filter(
                col("buy_type")
                    .equalTo("FLAT")
                    .and(col("flight_start").leq(last))
                    .and(col("flight_end").geq(first)))
            .select(
                col("org_id"),
                col("booking_line_id"),
                explode(
                        sequence(
                            greatest(col("flight_start"), lit(first)),
                            least(col("flight_end"), lit(last))))
                    .as("report_date"));
    Dataset<Row> bookedDays =
        bookedDelivery
            .join(flatDays, new String[] {"org_id", "booking_line_id", "report_date"}, "full_outer")
            .join(bookings, new String[] {"org_id", "booking_line_id"})
            .withColumn("currency", col("booking_currency"));
    Dataset<Row> converted =
        FxConversion.apply(
            bookedDays,
            in.orgs().select("org_id", "reporting_currency"),
            in.fxRates(),
            in.fxLookbackDays(),
            List.of("sold_rate", "booked_budget"));

    Column inFlight = col("report_date").between(col("flight_start"), col("flight_end"));
    Column flightDays = datediff(col("flight_end"), col("flight_start")).plus(1);
    Column billed =
        when(
                col("buy_type").equalTo("CPM"),
                col("sold_rate_rc").multiply(coalesce(col("impressions"), lit(0))).divide(1000))
            .when(
                col("buy_type").equalTo("CPC"),
                col("sold_rate_rc").multiply(coalesce(col("clicks"), lit(0))))
            .when(col("buy_type").equalTo("FLAT"), col("booked_budget_rc").divide(flightDays));
    Dataset<Row> booked =
        converted.select(
            col("org_id"),
            col("report_date"),
            col("booking_line_id"),
            lit(true).as("is_booked"),
            col("b_platform").as("platform"),
            col("platform_entity_id").as("campaign_id"),
            col("advertiser_name"),
            col("opportunity_name"),
            col("buy_type"),
            col("reporting_currency"),
            col("booking_currency"),
            col("sold_rate"),
            col("fx_rate").as("booking_fx_rate"),
            inFlight.as("in_flight"),
            coalesce(col("impressions"), lit(0L)).as("impressions"),
            coalesce(col("clicks"), lit(0L)).as("clicks"),
            coalesce(col("media_cost"), lit(0)).cast(Values.AMOUNT).as("media_cost"),
            coalesce(col("total_media_cost"), lit(0)).cast(Values.AMOUNT).as("total_media_cost"),
            when(inFlight, billed).otherwise(lit(0)).cast(Values.AMOUNT).as("billable_revenue"),
            LinesWithoutFx.orNone().as("lines_without_fx"));

    Dataset<Row> unbooked =
        delivered
            .join(bookings, booksCampaign, "left_anti")
            .join(in.orgs().select("org_id", "reporting_currency"), "org_id")
            .select(
                col("org_id"),
                col("report_date"),
                concat_ws(":", lit(UNBOOKED_PREFIX), col("platform"), col("campaign_id"))
                    .as("booking_line_id"),
                lit(false).as("is_booked"),
                col("platform"),
                col("campaign_id"),
                col("delivery_advertiser").as("advertiser_name"),
                lit(null).cast(DataTypes.StringType).as("opportunity_name"),
                lit(null).cast(DataTypes.StringType).as("buy_type"),
                col("reporting_currency"),
                lit(null).cast(DataTypes.StringType).as("booking_currency"),
                lit(null).cast(Values.AMOUNT).as("sold_rate"),
                lit(null).cast(Values.RATE).as("booking_fx_rate"),
                lit(false).as("in_flight"),
                col("impressions"),
                col("clicks"),
                col("media_cost"),
                col("total_media_cost"),
                lit(0).cast(Values.AMOUNT).as("billable_revenue"),
                col("lines_without_fx"));
    return withMargin(booked.unionByName(unbooked));
  }

  /** Month roll-up of {@link #daily}: one row per org, booking line and calendar month. */
  public static Dataset<Row> monthly(Dataset<Row> daily) {
    Dataset<Row> rolled =
        daily
            .groupBy(
                col("org_id"),
                col("booking_line_id"),
                trunc(col("report_date"), "month").as("month"))
            .agg(
                max("is_booked").as("is_booked"),
                max("platform").as("platform"),
                max("campaign_id").as("campaign_id"),
                max("advertiser_name").as("advertiser_name"),
                max("opportunity_name").as("opportunity_name"),
                max("buy_type").as("buy_type"),
                max("reporting_currency").as("reporting_currency"),
                count(lit(1)).as("days"),
                sum("impressions").as("impressions"),
                sum("clicks").as("clicks"),
                sum("media_cost").cast(Values.AMOUNT).as("media_cost"),
                sum("total_media_cost").cast(Values.AMOUNT).as("total_media_cost"),
                sum("billable_revenue").cast(Values.AMOUNT).as("billable_revenue"),
                LinesWithoutFx.recount());
    return withMargin(rolled);
  }

  /**
   * Margin from the row's own sums; null where a cost is unknown or there is no revenue to divide
   * by.
   */
  private static Dataset<Row> withMargin(Dataset<Row> rows) {
    Column margin =
        LinesWithoutFx.whenAllConverted(col("billable_revenue").minus(col("total_media_cost")))
            .cast(Values.AMOUNT);
    return rows.withColumn("gross_margin", margin)
        .withColumn("margin_pct", Rates.ratio(col("gross_margin"), col("billable_revenue")));
  }
}

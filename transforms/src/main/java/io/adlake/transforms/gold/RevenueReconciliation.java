package io.adlake.transforms.gold;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.unix_timestamp;
import static org.apache.spark.sql.functions.when;

import io.adlake.transforms.formats.Values;
import io.adlake.transforms.silver.LinesWithoutFx;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code gold.revenue_reconciliation}, one row per org, report date and deal: what the DSPs say
 * they spent and served through the deal against what the SSPs say buyers paid and were served, in
 * the org's reporting currency.
 *
 * <ul>
 *   <li>{@code discrepancy = dsp_spend - ssp_gross_revenue}; {@code discrepancy_pct = discrepancy /
 *       ssp_gross_revenue}: judged on the publisher's figure, as the industry guidelines do.
 *   <li>status, first match wins: {@code dsp_only} (no SSP reported the deal that day), {@code
 *       ssp_only}, {@code missing_fx} (a line of either side has no rate: that side's amount is
 *       null, no verdict on a partial sum), {@code within_tolerance} when {@code |discrepancy| <=
 *       floor} or {@code |discrepancy_pct| <= tolerance}, else {@code dsp_over} or {@code ssp_over}
 *       by the sign. {@code judged_by} says which test decided: {@code tolerance} when the share
 *       settles it (either way), {@code floor} when only the floor made it within.
 *   <li>Day alignment: each side's day is the calendar date its platform reports in its own account
 *       timezone (the DSP account's, the Ad Manager network's, Monetize's EST5EDT). Daily figures
 *       cannot be re-bucketed into another timezone without hours, so days are matched on that date
 *       as labelled. {@code timezone_offset_hours} is how far the SSP's midnight is from the DSP's
 *       on that date (SSP offset minus DSP offset, at noon UTC) and {@code day_alignment} names the
 *       case: {@code same_day_boundaries} (offset 0), {@code calendar_date_shifted} (the two days
 *       cover different hours, so a day's gap can be timing alone), {@code mixed_timezones} (the
 *       deal's lines on one side come from accounts in different zones), or {@code one_side_only}.
 * </ul>
 */
public final class RevenueReconciliation {
  private RevenueReconciliation() {}

  public static final String WITHIN = "within_tolerance";
  public static final String DSP_OVER = "dsp_over";
  public static final String SSP_OVER = "ssp_over";
  public static final String DSP_ONLY = "dsp_only";
  public static final String SSP_ONLY = "ssp_only";
  public static final String MISSING_FX = "missing_fx";

  /**
   * @param buySell {@code gold.buy_sell_daily} rows
   * @param settings one row per org that reconciles: {@code org_id, reporting_currency, tolerance,
   *     floor}; other orgs' deals are left out
   */
  public static Dataset<Row> build(Dataset<Row> buySell, Dataset<Row> settings) {
    Dataset<Row> sides =
        SideTotals.of(
            buySell.filter(col("deal_id").isNotNull()),
            LinesWithoutFx.recount(),
            List.of(col("org_id"), col("report_date"), col("deal_id"), col("side")),
            List.of(
                array_join(array_sort(collect_set(col("platform"))), ",").as("platforms"),
                collect_set(col("timezone")).as("zones")));
    // A line without a rate makes its side's total unknown: null, never the sum of the rest.
    Dataset<Row> dsp =
        sides
            .filter(col("side").equalTo(BuySellDaily.BUY))
            .select(
                col("org_id"),
                col("report_date"),
                col("deal_id"),
                col("platforms").as("dsp_platforms"),
                col("zones").as("_dsp_zones"),
                col("impressions").as("dsp_impressions"),
                LinesWithoutFx.whenAllConverted(col("media_cost")).as("dsp_spend"),
                col("lines_without_fx").as("_dsp_without_fx"));
    Dataset<Row> ssp =
        sides
            .filter(col("side").equalTo(BuySellDaily.SELL))
            .select(
                col("org_id"),
                col("report_date"),
                col("deal_id"),
                col("platforms").as("ssps"),
                col("zones").as("_ssp_zones"),
                col("impressions").as("ssp_impressions"),
                LinesWithoutFx.whenAllConverted(col("gross_revenue")).as("ssp_gross_revenue"),
                LinesWithoutFx.whenAllConverted(col("net_revenue")).as("ssp_net_revenue"),
                col("lines_without_fx").as("_ssp_without_fx"));
    Dataset<Row> joined =
        dsp.join(ssp, new String[] {"org_id", "report_date", "deal_id"}, "full_outer")
            .join(broadcast(settings), new String[] {"org_id"}, "inner");

    Column hasDsp = col("dsp_platforms").isNotNull();
    Column hasSsp = col("ssps").isNotNull();
    Column dspZone = when(size(col("_dsp_zones")).equalTo(1), col("_dsp_zones").getItem(0));
    Column sspZone = when(size(col("_ssp_zones")).equalTo(1), col("_ssp_zones").getItem(0));
    Column offset =
        offsetHours(sspZone).minus(offsetHours(dspZone)).cast(DataTypes.createDecimalType(4, 2));
    Column discrepancy = col("dsp_spend").minus(col("ssp_gross_revenue")).cast(Values.AMOUNT);
    Column pct =
        when(col("ssp_gross_revenue").gt(0), discrepancy.divide(col("ssp_gross_revenue")))
            .cast(DataTypes.createDecimalType(12, 4));
    Column impressionsPct =
        when(
                col("ssp_impressions").gt(0),
                col("dsp_impressions").minus(col("ssp_impressions")).divide(col("ssp_impressions")))
            .cast(DataTypes.createDecimalType(12, 4));
    Column missingFx =
        greatest(
                coalesce(col("_dsp_without_fx"), lit(0L)),
                coalesce(col("_ssp_without_fx"), lit(0L)))
            .gt(0);
    Column underFloor = abs(col("discrepancy")).leq(col("floor"));
    Column underTolerance =
        col("discrepancy_pct").isNotNull().and(abs(col("discrepancy_pct")).leq(col("tolerance")));

    Dataset<Row> measured =
        joined
            .withColumn("discrepancy", discrepancy)
            .withColumn("discrepancy_pct", pct)
            .withColumn("impressions_discrepancy_pct", impressionsPct)
            .withColumn("dsp_timezone", when(hasDsp, coalesce(dspZone, lit("mixed"))))
            .withColumn("ssp_timezone", when(hasSsp, coalesce(sspZone, lit("mixed"))))
            .withColumn("timezone_offset_hours", offset)
            .withColumn(
                "day_alignment",
                when(not(hasDsp.and(hasSsp)), lit("one_side_only"))
                    .when(dspZone.isNull().or(sspZone.isNull()), lit("mixed_timezones"))
                    .when(offset.equalTo(0), lit("same_day_boundaries"))
                    .otherwise(lit("calendar_date_shifted")));
    Column status =
        when(not(hasSsp), lit(DSP_ONLY))
            .when(not(hasDsp), lit(SSP_ONLY))
            .when(missingFx, lit(MISSING_FX))
            .when(underFloor.or(underTolerance), lit(WITHIN))
            .when(col("discrepancy").gt(0), lit(DSP_OVER))
            .otherwise(lit(SSP_OVER));
    Column judgedBy =
        when(
                col("status").equalTo(WITHIN),
                when(underTolerance, lit("tolerance")).otherwise(lit("floor")))
            .when(col("status").isin(DSP_OVER, SSP_OVER), lit("tolerance"));
    return measured
        .withColumn("status", status)
        .withColumn("judged_by", judgedBy)
        .select(
            col("org_id"),
            col("report_date"),
            col("deal_id"),
            col("reporting_currency"),
            col("dsp_platforms"),
            col("ssps"),
            col("dsp_impressions"),
            col("ssp_impressions"),
            col("impressions_discrepancy_pct"),
            col("dsp_spend"),
            col("ssp_gross_revenue"),
            col("ssp_net_revenue"),
            col("discrepancy"),
            col("discrepancy_pct"),
            col("tolerance").cast(DataTypes.createDecimalType(6, 4)).as("tolerance"),
            col("floor").cast(Values.AMOUNT).as("floor"),
            col("status"),
            col("judged_by"),
            col("dsp_timezone"),
            col("ssp_timezone"),
            col("timezone_offset_hours"),
            col("day_alignment"));
  }

  /** A zone's UTC offset in hours at noon UTC of the report date (the session runs in UTC). */
  private static Column offsetHours(Column zone) {
    Column noon =
        timestamp_seconds(
            unix_timestamp(col("report_date").cast(DataTypes.TimestampType)).plus(43_200));
    return unix_timestamp(from_utc_timestamp(noon, zone)).minus(unix_timestamp(noon)).divide(3600);
  }
}

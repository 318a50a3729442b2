package io.adlake.transforms.gold;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import io.adlake.transforms.formats.Values;
import io.adlake.transforms.silver.FxConversion;
import io.adlake.transforms.silver.LinesWithoutFx;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * {@code gold.pacing}: where every booking line and platform budget entity stands on the org's
 * as-of date.
 *
 * <ul>
 *   <li>Spend is total media cost (media plus data and platform fees) in the org's reporting
 *       currency, from delivery inside the flight up to and including the as-of date.
 *   <li>Budgets are converted to the reporting currency at the as-of date's rate. A budget without
 *       a currency of its own (DV360) is in the currency of its delivery, else its campaign's
 *       delivery, else its campaign's booking.
 *   <li>Expected spend to date is even pacing per budget segment: each segment's budget x its
 *       elapsed days / its days, summed; a flight with one budget is one segment.
 *   <li>The run rate is the mean daily spend over the last {@code run_rate_days} flight days up to
 *       the as-of date. For spend anomalies, the as-of day's spend is set against the mean of the
 *       window's days before it ({@code spend_vs_baseline}, null without such days or when they
 *       spent nothing). The end-of-flight projection adds run rate x remaining days, the run rate
 *       held to the entity's daily cap; platform entities stop at their budget, so their projection
 *       is capped there, booking lines are not.
 *   <li>Status, first that applies: {@code no_flight} (missing, or ending before it starts), {@code
 *       not_started} (as-of before the flight), {@code ended} (as-of after it), {@code no_budget}
 *       (missing or zero), {@code missing_fx} (budget or some spend could not be converted), {@code
 *       under} (index below the org's under_below), {@code over} (above over_above, unless the
 *       entity paces ASAP or ahead by design: then {@code on_track} with {@code ahead_by_design}
 *       true), else {@code on_track}.
 * </ul>
 */
public final class PacingMart {
  private PacingMart() {}

  public static final List<String> STATUSES =
      List.of(
          "no_flight",
          "not_started",
          "ended",
          "no_budget",
          "missing_fx",
          "under",
          "over",
          "on_track");

  private static final DecimalType WIDE = DataTypes.createDecimalType(38, 10);

  public static Dataset<Row> build(GoldInputs in) {
    Dataset<Row> orgs = in.orgs();
    Dataset<Row> entities =
        BudgetEntities.from(in.bookings(), in.setup())
            .join(orgs.select("org_id", "as_of_date", "run_rate_days"), "org_id");

    Dataset<Row> spend = spendToDate(in.delivery(), entities);
    Dataset<Row> withSpend =
        entities
            .join(spend, new String[] {"org_id", "entity_type", "platform", "entity_id"}, "left")
            .join(
                campaignCurrencies(in), new String[] {"org_id", "platform", "campaign_id"}, "left")
            .withColumn(
                "budget_currency",
                coalesce(
                    col("budget_currency"),
                    col("delivery_currency"),
                    col("campaign_currency"),
                    col("booked_currency")))
            .withColumnRenamed("budget_currency", "currency")
            .withColumn("report_date", col("as_of_date"))
            .withColumn("lines_without_fx", LinesWithoutFx.orNone());
    Dataset<Row> converted =
        FxConversion.apply(
                withSpend,
                orgs.select("org_id", "reporting_currency"),
                in.fxRates(),
                in.fxLookbackDays(),
                List.of("budget_amount", "daily_cap"))
            .withColumnRenamed("currency", "budget_currency")
            .withColumnRenamed("fx_rate", "budget_fx_rate")
            .withColumnRenamed("fx_status", "budget_fx_status")
            .drop("report_date", "fx_rate_date")
            .join(orgs.select("org_id", "under_below", "over_above"), "org_id");

    Column asOf = col("as_of_date");
    Column start = col("flight_start");
    Column end = col("flight_end");
    Column budget = col("budget_amount_rc");
    Column flightDays = datediff(end, start).plus(1);
    Column elapsed = least(greatest(datediff(asOf, start).plus(1), lit(0)), flightDays);
    Column remaining = flightDays.minus(elapsed);
    Column spent = coalesce(col("spend_to_date"), lit(BigDecimal.ZERO)).cast(Values.AMOUNT);
    Column segmentsRc =
        transform(
            col("segments"),
            s ->
                struct(
                    s.getField("budget")
                        .multiply(col("budget_fx_rate"))
                        .cast(Values.AMOUNT)
                        .as("budget"),
                    s.getField("start_date").as("start_date"),
                    s.getField("end_date").as("end_date")));
    Column expected =
        aggregate(
                segmentsRc,
                lit(BigDecimal.ZERO).cast(WIDE),
                (acc, s) -> {
                  Column days = datediff(s.getField("end_date"), s.getField("start_date")).plus(1);
                  Column inSegment =
                      least(
                          greatest(datediff(asOf, s.getField("start_date")).plus(1), lit(0)), days);
                  return acc.plus(
                          when(days.gt(0), s.getField("budget").multiply(inSegment).divide(days))
                              .otherwise(lit(0)))
                      .cast(WIDE);
                })
            .cast(Values.AMOUNT);

    Dataset<Row> measured =
        converted
            .withColumn("flight_days", flightDays)
            .withColumn("elapsed_days", elapsed)
            .withColumn("remaining_days", remaining)
            .withColumn("spend_to_date", spent)
            .withColumn("expected_spend_to_date", expected)
            .withColumn(
                "pacing_index", Rates.ratio(col("spend_to_date"), col("expected_spend_to_date")))
            .withColumn("run_rate_window_days", least(col("run_rate_days"), col("elapsed_days")))
            .withColumn(
                "run_rate_daily",
                when(
                    col("run_rate_window_days").gt(0),
                    coalesce(col("recent_spend"), lit(0))
                        .cast(WIDE)
                        .divide(col("run_rate_window_days"))
                        .cast(Values.AMOUNT)))
            // the as-of day against the days before it in the window: a spike or a stop shows, not
            // dampened by itself
            .withColumn(
                "day_spend",
                when(
                    asOf.geq(start).and(asOf.leq(end)),
                    coalesce(col("day_spend"), lit(BigDecimal.ZERO)).cast(Values.AMOUNT)))
            .withColumn(
                "baseline_daily_spend",
                when(
                    col("run_rate_window_days").gt(1),
                    coalesce(col("prior_recent_spend"), lit(0))
                        .cast(WIDE)
                        .divide(col("run_rate_window_days").minus(1))
                        .cast(Values.AMOUNT)))
            .withColumn(
                "spend_vs_baseline", Rates.ratio(col("day_spend"), col("baseline_daily_spend")));
    Column projectedRate =
        when(col("daily_cap_rc").isNotNull(), least(col("run_rate_daily"), col("daily_cap_rc")))
            .otherwise(col("run_rate_daily"));
    Column uncapped =
        col("spend_to_date").plus(coalesce(projectedRate, lit(0)).multiply(col("remaining_days")));
    Column byDesign = coalesce(col("pacing_rate").isin("ASAP", "Ahead"), lit(false));
    Column index = col("pacing_index");
    Column status =
        when(start.isNull().or(end.isNull()).or(end.lt(start)), lit("no_flight"))
            .when(asOf.lt(start), lit("not_started"))
            .when(asOf.gt(end), lit("ended"))
            .when(col("budget_amount").isNull().or(col("budget_amount").leq(0)), lit("no_budget"))
            .when(budget.isNull().or(not(LinesWithoutFx.allConverted())), lit("missing_fx"))
            .when(index.lt(col("under_below")), lit("under"))
            .when(index.gt(col("over_above")).and(not(byDesign)), lit("over"))
            .otherwise(lit("on_track"));

    return measured
        .withColumn(
            "projected_end_spend",
            when(col("platform_caps").and(budget.isNotNull()), least(uncapped, budget))
                .otherwise(uncapped)
                .cast(Values.AMOUNT))
        .withColumn("remaining_budget", budget.minus(col("spend_to_date")).cast(Values.AMOUNT))
        .withColumn(
            "required_daily_spend",
            when(
                col("remaining_days").gt(0),
                greatest(col("remaining_budget"), lit(0))
                    .cast(WIDE)
                    .divide(col("remaining_days"))
                    .cast(Values.AMOUNT)))
        .withColumn(
            "pct_ahead_behind",
            index.minus(lit(1)).multiply(lit(100)).cast(DataTypes.createDecimalType(12, 2)))
        .withColumn(
            "ahead_by_design", byDesign.and(coalesce(index.gt(col("over_above")), lit(false))))
        .withColumn("status", status)
        .select(
            col("org_id"),
            col("as_of_date"),
            col("entity_type"),
            col("platform"),
            col("entity_id"),
            col("entity_name"),
            col("parent_entity_id"),
            col("entity_status"),
            col("pacing_rate"),
            col("reporting_currency"),
            col("budget_currency"),
            col("budget_fx_rate"),
            budget.as("budget"),
            col("daily_cap_rc").as("daily_cap"),
            start,
            end,
            col("flight_source"),
            col("flight_days"),
            col("elapsed_days"),
            col("remaining_days"),
            col("spend_to_date"),
            col("expected_spend_to_date"),
            col("pacing_index"),
            col("pct_ahead_behind"),
            col("run_rate_daily"),
            col("day_spend"),
            col("baseline_daily_spend"),
            col("spend_vs_baseline"),
            col("projected_end_spend"),
            col("remaining_budget"),
            col("required_daily_spend"),
            col("last_delivery_date"),
            col("lines_without_fx"),
            col("under_below"),
            col("over_above"),
            col("ahead_by_design"),
            col("status"));
  }

  /**
   * Spend per entity from delivery inside its flight up to the as-of date, the part of it in the
   * run-rate window, the last day with delivery, and the delivery's own currency (a DV360 budget is
   * in the advertiser's).
   */
  private static Dataset<Row> spendToDate(Dataset<Row> delivery, Dataset<Row> entities) {
    Dataset<Row> byCampaign = keyed(delivery, "campaign_id");
    Dataset<Row> byLine = keyed(delivery, "line_item_id");
    Dataset<Row> daily = byCampaign.unionByName(byLine);
    Column inFlight =
        col("report_date").geq(col("flight_start")).and(col("report_date").leq(col("as_of_date")));
    Column recent = datediff(col("as_of_date"), col("report_date")).lt(col("run_rate_days"));
    return entities
        .select(
            "org_id",
            "entity_type",
            "platform",
            "entity_id",
            "match_on",
            "match_id",
            "flight_start",
            "as_of_date",
            "run_rate_days")
        .join(daily, new String[] {"org_id", "platform", "match_on", "match_id"})
        .filter(inFlight)
        .groupBy("org_id", "entity_type", "platform", "entity_id")
        .agg(
            sum("spend").cast(Values.AMOUNT).as("spend_to_date"),
            sum(when(recent, col("spend"))).cast(Values.AMOUNT).as("recent_spend"),
            sum(when(recent.and(col("report_date").lt(col("as_of_date"))), col("spend")))
                .cast(Values.AMOUNT)
                .as("prior_recent_spend"),
            sum(when(col("report_date").equalTo(col("as_of_date")), col("spend")))
                .cast(Values.AMOUNT)
                .as("day_spend"),
            max(when(col("delivered"), col("report_date"))).as("last_delivery_date"),
            LinesWithoutFx.recount(),
            max("currency").as("delivery_currency"));
  }

  /**
   * DV360 setup carries no currency: its budgets are in the advertiser's. Where an entity has no
   * delivery of its own, its campaign's delivery or booking says which currency that is.
   */
  private static Dataset<Row> campaignCurrencies(GoldInputs in) {
    Dataset<Row> delivered =
        in.delivery()
            .groupBy("org_id", "platform", "campaign_id")
            .agg(max("currency").as("campaign_currency"));
    Dataset<Row> booked =
        in.bookings()
            .groupBy(col("org_id"), col("platform"), col("platform_entity_id").as("campaign_id"))
            .agg(max("currency").as("booked_currency"));
    return delivered.join(booked, new String[] {"org_id", "platform", "campaign_id"}, "full_outer");
  }

  private static Dataset<Row> keyed(Dataset<Row> delivery, String matchOn) {
    return delivery
        .groupBy(
            col("org_id"),
            col("platform"),
            lit(matchOn).as("match_on"),
            col(matchOn).as("match_id"),
            col("report_date"))
        .agg(
            sum("total_media_cost_rc").as("spend"),
            max(col("impressions").gt(0).or(col("total_media_cost").gt(0))).as("delivered"),
            LinesWithoutFx.count(),
            max("currency").as("currency"));
  }
}

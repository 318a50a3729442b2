package io.adlake.transforms.silver;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.when;

import io.adlake.model.Platform;
import io.adlake.platforms.meta.MetaApi;
import io.adlake.platforms.ttd.TtdApi;
import io.adlake.transforms.formats.SdfInsertionOrders;
import io.adlake.transforms.formats.Values;
import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Platform setup entities, one row per DV360 insertion order and line item, TTD ad group and Meta ad set, with
 * one status dictionary (Active, Paused, Draft, Archived; the platform's own word in {@code platform_status}) and
 * one pacing dictionary (Even, Ahead, ASAP). An insertion order's
 * flight and budget come from its budget segments; a line item whose dates are "Same as Insertion Order" takes
 * its IO's flight, flagged by {@code flight_inherited}.
 */
public final class SetupEntities {
  private SetupEntities() {}

  public static final String INSERTION_ORDER = "insertion_order";
  public static final String LINE_ITEM = "line_item";

  public static final String AD_GROUP = "ad_group";
  public static final String AD_SET = "ad_set";

  /** DV360 insertion orders and line items from SDF. */
  public static Dataset<Row> fromSdf(Dataset<Row> insertionOrders, Dataset<Row> lineItems) {
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
            col("status").as("platform_status"),
            col("budget_type"),
            lit(null).cast(DataTypes.StringType).as("budget_currency"),
            lit(null).cast(Values.AMOUNT).as("daily_budget_amount"),
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
                col("status").as("platform_status"),
                col("budget_type"),
                lit(null).cast(DataTypes.StringType).as("budget_currency"),
                when(col("pacing").equalTo("Daily"), col("pacing_amount")).cast(Values.AMOUNT).as("daily_budget_amount"),
                col("budget_amount"),
                lit(null).cast(SdfInsertionOrders.BUDGET_SEGMENTS).as("budget_segments"),
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

  /**
   * TTD ad groups: budgets from the API's money objects, none of their own under a Kokai-budgeted campaign
   * (budget_type Campaign); pacing modes onto the pacing dictionary ({@link TtdApi#PACING_RATES}); no flight of
   * their own, no frequency cap in this export.
   */
  public static Dataset<Row> fromTtd(Dataset<Row> adGroups) {
    Column campaignBudget = coalesce(lower(col("campaign_budgeting_version")).equalTo("kokai"), lit(false));
    return adGroups.select(
        col("org_id"),
        lit(Platform.TTD.code()).as("platform"),
        lit(AD_GROUP).as("entity_type"),
        col("ad_group_id").as("entity_id"),
        col("campaign_id").as("parent_entity_id"),
        col("ad_group_name").as("name"),
        when(col("availability").equalTo("Archived"), "Archived").when(col("is_enabled"), "Active").otherwise("Paused").as("status"),
        when(col("is_enabled"), "Enabled").otherwise("Disabled").as("platform_status"),
        when(campaignBudget, "Campaign").otherwise("Amount").as("budget_type"),
        col("budget_currency"),
        when(campaignBudget, lit(null)).otherwise(col("daily_budget_amount")).cast(Values.AMOUNT).as("daily_budget_amount"),
        when(campaignBudget, lit(null)).otherwise(col("budget_amount")).cast(Values.AMOUNT).as("budget_amount"),
        lit(null).cast(SdfInsertionOrders.BUDGET_SEGMENTS).as("budget_segments"),
        when(col("pacing_mode").equalTo("PaceToEndOfDay"), "Daily").when(col("pacing_mode").isNotNull(), "Flight").as("pacing"),
        ttdPacingRate(col("pacing_mode")).as("pacing_rate"),
        lit(null).cast(Values.AMOUNT).as("pacing_amount"),
        lit(null).cast(DataTypes.DateType).as("flight_start"),
        lit(null).cast(DataTypes.DateType).as("flight_end"),
        lit(false).as("flight_inherited"),
        lit(null).cast(DataTypes.BooleanType).as("frequency_cap_enabled"),
        lit(null).cast(DataTypes.LongType).as("frequency_cap_exposures"),
        lit(null).cast(DataTypes.StringType).as("frequency_cap_period"),
        lit(null).cast(DataTypes.LongType).as("frequency_cap_amount"),
        col("delivery_date").as("snapshot_date"),
        col("batch_id").as("source_batch_id"));
  }

  /**
   * Meta ad sets: budgets divided by Meta's own offset of the account currency ({@link MetaApi#offset}), flight dates in the account's timezone, the
   * first frequency control spec as the cap.
   *
   * @param accountZones {@code org_id, timezone} of each org's Meta account
   */
  public static Dataset<Row> fromMeta(Dataset<Row> adSets, Dataset<Row> accountZones) {
    Column scale = metaOffset(col("account_currency"));
    Column spec = col("frequency_control_specs").getItem(0);
    Column pacingType = col("pacing_type").getItem(0);
    return adSets
        .join(accountZones.select(col("org_id").as("_org"), col("timezone").as("_tz")), col("org_id").equalTo(col("_org")), "left")
        .select(
            col("org_id"),
            lit(Platform.META.code()).as("platform"),
            lit(AD_SET).as("entity_type"),
            col("adset_id").as("entity_id"),
            col("campaign_id").as("parent_entity_id"),
            col("adset_name").as("name"),
            when(col("status").equalTo("ACTIVE"), "Active").when(col("status").equalTo("PAUSED"), "Paused").otherwise("Archived").as("status"),
            col("status").as("platform_status"),
            // neither budget: the campaign's (Advantage campaign budget) allocates
            when(col("lifetime_budget_minor").isNotNull(), "Amount").when(col("daily_budget_minor").isNotNull(), "Daily").otherwise("Campaign").as("budget_type"),
            col("account_currency").as("budget_currency"),
            col("daily_budget_minor").cast(Values.AMOUNT).divide(scale).cast(Values.AMOUNT).as("daily_budget_amount"),
            col("lifetime_budget_minor").cast(Values.AMOUNT).divide(scale).cast(Values.AMOUNT).as("budget_amount"),
            lit(null).cast(SdfInsertionOrders.BUDGET_SEGMENTS).as("budget_segments"),
            pacingType.as("pacing"),
            when(pacingType.equalTo("no_pacing"), "ASAP").when(pacingType.isNotNull(), "Even").as("pacing_rate"),
            lit(null).cast(Values.AMOUNT).as("pacing_amount"),
            to_date(from_utc_timestamp(col("start_time"), coalesce(col("_tz"), lit("UTC")))).as("flight_start"),
            to_date(from_utc_timestamp(col("end_time"), coalesce(col("_tz"), lit("UTC")))).as("flight_end"),
            lit(false).as("flight_inherited"),
            coalesce(size(col("frequency_control_specs")).gt(0), lit(false)).as("frequency_cap_enabled"),
            spec.getField("max_frequency").as("frequency_cap_exposures"),
            when(spec.isNotNull(), "Days").as("frequency_cap_period"),
            spec.getField("interval_days").as("frequency_cap_amount"),
            col("delivery_date").as("snapshot_date"),
            col("batch_id").as("source_batch_id"));
  }

  /** Meta's offset of the account currency: 1 for the currencies it counts in whole units, else 100. */
  static Column metaOffset(Column currency) {
    return when(currency.isin(MetaApi.wholeUnitCurrencies().toArray()), lit(1)).otherwise(lit(100));
  }

  private static Column ttdPacingRate(Column mode) {
    Column rate = lit(null).cast(DataTypes.StringType);
    for (var e : TtdApi.PACING_RATES.entrySet()) {
      rate = when(mode.equalTo(e.getKey()), e.getValue()).otherwise(rate);
    }
    return rate;
  }
}

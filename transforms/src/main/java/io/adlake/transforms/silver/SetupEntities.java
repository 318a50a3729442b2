package io.adlake.transforms.silver;

import static java.util.Map.entry;
import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.adlake.model.Platform;
import io.adlake.platforms.meta.MetaApi;
import io.adlake.platforms.ttd.TtdApi;
import io.adlake.transforms.formats.SdfInsertionOrders;
import io.adlake.transforms.formats.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Platform setup entities, one row per DV360 insertion order and line item, TTD ad group and Meta
 * ad set, with one status dictionary (Active, Paused, Draft, Archived; the platform's own word in
 * {@code platform_status}) and one pacing dictionary (Even, Ahead, ASAP). An insertion order's
 * flight and budget come from its budget segments; a line item whose dates are "Same as Insertion
 * Order" takes its IO's flight, flagged by {@code flight_inherited}.
 */
public final class SetupEntities {
  private SetupEntities() {}

  public static final String INSERTION_ORDER = "insertion_order";
  public static final String LINE_ITEM = "line_item";

  public static final String AD_GROUP = "ad_group";
  public static final String AD_SET = "ad_set";

  /**
   * The columns of {@code silver.setup_entities}, in the table's order, with their types: declared
   * once, here. Every platform projects onto it through {@link #project}, so the three outputs
   * union by name column for column and a column a platform lacks is a null of the declared type.
   */
  static final StructType SHAPE =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("platform", DataTypes.StringType)
          .add("entity_type", DataTypes.StringType)
          .add("entity_id", DataTypes.StringType)
          .add("parent_entity_id", DataTypes.StringType)
          .add("name", DataTypes.StringType)
          .add("status", DataTypes.StringType)
          .add("platform_status", DataTypes.StringType)
          .add("budget_type", DataTypes.StringType)
          .add("budget_currency", DataTypes.StringType)
          .add("daily_budget_amount", Values.AMOUNT)
          .add("budget_amount", Values.AMOUNT)
          .add("budget_segments", SdfInsertionOrders.BUDGET_SEGMENTS)
          .add("pacing", DataTypes.StringType)
          .add("pacing_rate", DataTypes.StringType)
          .add("pacing_amount", Values.AMOUNT)
          .add("flight_start", DataTypes.DateType)
          .add("flight_end", DataTypes.DateType)
          .add("flight_inherited", DataTypes.BooleanType)
          .add("frequency_cap_enabled", DataTypes.BooleanType)
          .add("frequency_cap_exposures", DataTypes.LongType)
          .add("frequency_cap_period", DataTypes.StringType)
          .add("frequency_cap_amount", DataTypes.LongType)
          .add("snapshot_date", DataTypes.DateType)
          .add("source_batch_id", DataTypes.StringType);

  /** DV360 insertion orders and line items from SDF. */
  public static Dataset<Row> fromSdf(Dataset<Row> insertionOrders, Dataset<Row> lineItems) {
    Column segments = col("budget_segments");
    Dataset<Row> ios =
        project(
            insertionOrders,
            Platform.DV360,
            INSERTION_ORDER,
            Map.ofEntries(
                entry("entity_id", col("io_id")),
                entry("parent_entity_id", col("campaign_id")),
                entry("name", col("name")),
                entry("status", col("status")),
                entry("platform_status", col("status")),
                entry("budget_type", col("budget_type")),
                entry(
                    "budget_amount",
                    aggregate(
                        segments,
                        lit(BigDecimal.ZERO).cast(Values.AMOUNT),
                        (acc, s) -> acc.plus(s.getField("budget")).cast(Values.AMOUNT))),
                entry("budget_segments", segments),
                entry("pacing", col("pacing")),
                entry("pacing_rate", col("pacing_rate")),
                entry("pacing_amount", col("pacing_amount")),
                entry("flight_start", array_min(segments.getField("start_date"))),
                entry("flight_end", array_max(segments.getField("end_date"))),
                entry("flight_inherited", lit(false)),
                entry("frequency_cap_enabled", col("frequency_enabled")),
                entry("frequency_cap_exposures", col("frequency_exposures")),
                entry("frequency_cap_period", col("frequency_period")),
                entry("frequency_cap_amount", col("frequency_amount"))));

    Dataset<Row> ioFlights =
        ios.select(
            col("org_id").as("io_org"),
            col("entity_id").as("io_entity"),
            col("flight_start").as("io_start"),
            col("flight_end").as("io_end"));
    Dataset<Row> lis =
        project(
            lineItems.join(
                ioFlights,
                col("org_id").equalTo(col("io_org")).and(col("io_id").equalTo(col("io_entity"))),
                "left"),
            Platform.DV360,
            LINE_ITEM,
            Map.ofEntries(
                entry("entity_id", col("line_item_id")),
                entry("parent_entity_id", col("io_id")),
                entry("name", col("name")),
                entry("status", col("status")),
                entry("platform_status", col("status")),
                entry("budget_type", col("budget_type")),
                entry(
                    "daily_budget_amount",
                    when(col("pacing").equalTo("Daily"), col("pacing_amount")).cast(Values.AMOUNT)),
                entry("budget_amount", col("budget_amount")),
                entry("pacing", col("pacing")),
                entry("pacing_rate", col("pacing_rate")),
                entry("pacing_amount", col("pacing_amount")),
                entry("flight_start", coalesce(col("start_date"), col("io_start"))),
                entry("flight_end", coalesce(col("end_date"), col("io_end"))),
                entry("flight_inherited", col("start_date").isNull().or(col("end_date").isNull())),
                entry("frequency_cap_enabled", col("frequency_enabled")),
                entry("frequency_cap_exposures", col("frequency_exposures")),
                entry("frequency_cap_period", col("frequency_period")),
                entry("frequency_cap_amount", col("frequency_amount"))));
    return ios.unionByName(lis)
        .withColumn(
            "budget_amount",
            when(col("budget_type").equalTo("Unlimited"), lit(null).cast(Values.AMOUNT))
                .otherwise(col("budget_amount")))
        .withColumn(
            "frequency_cap_enabled", col("frequency_cap_enabled").cast(DataTypes.BooleanType));
  }

  /**
   * TTD ad groups: budgets from the API's money objects, none of their own under a Kokai-budgeted
   * campaign (budget_type Campaign); pacing modes onto the pacing dictionary ({@link
   * TtdApi#PACING_RATES}); no flight of their own, no frequency cap in this export.
   */
  public static Dataset<Row> fromTtd(Dataset<Row> adGroups) {
    Column campaignBudget =
        coalesce(lower(col("campaign_budgeting_version")).equalTo("kokai"), lit(false));
    return project(
        adGroups,
        Platform.TTD,
        AD_GROUP,
        Map.ofEntries(
            entry("entity_id", col("ad_group_id")),
            entry("parent_entity_id", col("campaign_id")),
            entry("name", col("ad_group_name")),
            entry(
                "status",
                when(col("availability").equalTo("Archived"), "Archived")
                    .when(col("is_enabled"), "Active")
                    .otherwise("Paused")),
            entry("platform_status", when(col("is_enabled"), "Enabled").otherwise("Disabled")),
            entry("budget_type", when(campaignBudget, "Campaign").otherwise("Amount")),
            entry("budget_currency", col("budget_currency")),
            entry(
                "daily_budget_amount",
                when(campaignBudget, lit(null))
                    .otherwise(col("daily_budget_amount"))
                    .cast(Values.AMOUNT)),
            entry(
                "budget_amount",
                when(campaignBudget, lit(null))
                    .otherwise(col("budget_amount"))
                    .cast(Values.AMOUNT)),
            entry(
                "pacing",
                when(col("pacing_mode").equalTo("PaceToEndOfDay"), "Daily")
                    .when(col("pacing_mode").isNotNull(), "Flight")),
            entry("pacing_rate", ttdPacingRate(col("pacing_mode"))),
            entry("flight_inherited", lit(false))));
  }

  /**
   * Meta ad sets: budgets divided by Meta's own offset of the account currency ({@link
   * MetaApi#offset}), flight dates in the account's timezone, the first frequency control spec as
   * the cap.
   *
   * @param accountZones {@code org_id, timezone} of each org's Meta account
   */
  public static Dataset<Row> fromMeta(Dataset<Row> adSets, Dataset<Row> accountZones) {
    Column scale = metaOffset(col("account_currency"));
    Column spec = col("frequency_control_specs").getItem(0);
    Column pacingType = col("pacing_type").getItem(0);
    return project(
        adSets.join(
            accountZones.select(col("org_id").as("_org"), col("timezone").as("_tz")),
            col("org_id").equalTo(col("_org")),
            "left"),
        Platform.META,
        AD_SET,
        Map.ofEntries(
            entry("entity_id", col("adset_id")),
            entry("parent_entity_id", col("campaign_id")),
            entry("name", col("adset_name")),
            entry(
                "status",
                when(col("status").equalTo("ACTIVE"), "Active")
                    .when(col("status").equalTo("PAUSED"), "Paused")
                    .otherwise("Archived")),
            entry("platform_status", col("status")),
            // neither budget: the campaign's (Advantage campaign budget) allocates
            entry(
                "budget_type",
                when(col("lifetime_budget_minor").isNotNull(), "Amount")
                    .when(col("daily_budget_minor").isNotNull(), "Daily")
                    .otherwise("Campaign")),
            entry("budget_currency", col("account_currency")),
            entry(
                "daily_budget_amount",
                col("daily_budget_minor").cast(Values.AMOUNT).divide(scale).cast(Values.AMOUNT)),
            entry(
                "budget_amount",
                col("lifetime_budget_minor").cast(Values.AMOUNT).divide(scale).cast(Values.AMOUNT)),
            entry("pacing", pacingType),
            entry(
                "pacing_rate",
                when(pacingType.equalTo("no_pacing"), "ASAP").when(pacingType.isNotNull(), "Even")),
            entry(
                "flight_start",
                to_date(from_utc_timestamp(col("start_time"), coalesce(col("_tz"), lit("UTC"))))),
            entry(
                "flight_end",
                to_date(from_utc_timestamp(col("end_time"), coalesce(col("_tz"), lit("UTC"))))),
            entry("flight_inherited", lit(false)),
            entry(
                "frequency_cap_enabled",
                coalesce(size(col("frequency_control_specs")).gt(0), lit(false))),
            entry("frequency_cap_exposures", spec.getField("max_frequency")),
            entry("frequency_cap_period", when(spec.isNotNull(), "Days")),
            entry("frequency_cap_amount", spec.getField("interval_days"))));
  }

  /**
   * One platform's bronze rows onto {@link #SHAPE}: the org, platform, entity type and lineage
   * (delivery date as the snapshot date, batch) filled in for all, {@code columns} (silver column
   * to its expression) for what the platform knows, and a null of the column's type for what it
   * does not.
   */
  static Dataset<Row> project(
      Dataset<Row> rows, Platform platform, String entityType, Map<String, Column> columns) {
    Map<String, Column> common =
        Map.of(
            "org_id", col("org_id"),
            "platform", lit(platform.code()),
            "entity_type", lit(entityType),
            "snapshot_date", col("delivery_date"),
            "source_batch_id", col("batch_id"));
    List<String> names = List.of(SHAPE.fieldNames());
    for (String name : columns.keySet()) {
      // a misspelt name would otherwise leave the real column null without a word
      if (!names.contains(name) || common.containsKey(name)) {
        throw new IllegalArgumentException("not a platform's setup-entity column: " + name);
      }
    }
    List<Column> projected = new ArrayList<>();
    for (StructField field : SHAPE.fields()) {
      Column value =
          common.getOrDefault(
              field.name(), columns.getOrDefault(field.name(), lit(null).cast(field.dataType())));
      projected.add(value.as(field.name()));
    }
    return rows.select(projected.toArray(Column[]::new));
  }

  /**
   * Meta's offset of the account currency: 1 for the currencies it counts in whole units, else 100.
   */
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

package io.adlake.transforms.rules;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;

import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;

/**
 * The gold marts a rule may read (and ops.org_holds, so that a held org is told like any alert),
 * each with the columns a rule may name (the allow-list, with their types), the column that picks
 * the evaluated day, and what identifies the entity an alert is about. Ids and currencies that
 * would make a rule org-specific by accident are left out; an org's own rule may still filter on
 * entity ids.
 */
public enum RuleMart {
  PACING(
      Tables.GOLD_PACING,
      "as_of_date",
      true,
      col("platform"),
      col("entity_type"),
      col("entity_id"),
      columns(
          "platform text",
          "entity_type text",
          "entity_id text",
          "entity_name text",
          "entity_status text",
          "pacing_rate text",
          "budget number",
          "daily_cap number",
          "flight_start date",
          "flight_end date",
          "flight_days number",
          "elapsed_days number",
          "remaining_days number",
          "spend_to_date number",
          "expected_spend_to_date number",
          "pacing_index number",
          "pct_ahead_behind number",
          "run_rate_daily number",
          "day_spend number",
          "baseline_daily_spend number",
          "spend_vs_baseline number",
          "projected_end_spend number",
          "remaining_budget number",
          "required_daily_spend number",
          "last_delivery_date date",
          "lines_without_fx number",
          "ahead_by_design boolean",
          "status text")),
  QA_FINDINGS(
      Tables.GOLD_QA_FINDINGS,
      "as_of_date",
      true,
      col("platform"),
      col("entity_type"),
      concat_ws("/", col("entity_id"), col("check_id")),
      columns(
          "platform text",
          "entity_type text",
          "entity_id text",
          "entity_name text",
          "check_id text",
          "severity text")),
  MARGIN_DAILY(
      Tables.GOLD_MARGIN_DAILY,
      "report_date",
      false,
      col("platform"),
      lit("booking_line"),
      col("booking_line_id"),
      columns(
          "booking_line_id text",
          "is_booked boolean",
          "platform text",
          "campaign_id text",
          "advertiser_name text",
          "buy_type text",
          "in_flight boolean",
          "impressions number",
          "clicks number",
          "media_cost number",
          "total_media_cost number",
          "billable_revenue number",
          "gross_margin number",
          "margin_pct number",
          "lines_without_fx number")),
  MARGIN_MONTHLY(
      Tables.GOLD_MARGIN_MONTHLY,
      "month",
      false,
      col("platform"),
      lit("booking_line"),
      concat_ws("/", col("booking_line_id"), col("month").cast("string")),
      columns(
          "booking_line_id text",
          "is_booked boolean",
          "platform text",
          "campaign_id text",
          "advertiser_name text",
          "buy_type text",
          "days number",
          "impressions number",
          "clicks number",
          "media_cost number",
          "total_media_cost number",
          "billable_revenue number",
          "gross_margin number",
          "margin_pct number",
          "lines_without_fx number")),
  ORG_DAILY_SUMMARY(
      Tables.GOLD_ORG_DAILY,
      "report_date",
      false,
      lit(null).cast("string"),
      lit("org"),
      col("org_id"),
      columns(
          "platforms number",
          "campaigns number",
          "impressions number",
          "clicks number",
          "conversions number",
          "media_cost number",
          "total_media_cost number",
          "revenue number",
          "ctr number",
          "cpm number",
          "lines_without_fx number")),
  /** One alert per deal and report day; the as-of date's reconciliation. */
  REVENUE_RECONCILIATION(
      Tables.GOLD_REVENUE_RECONCILIATION,
      "report_date",
      false,
      lit(null).cast("string"),
      lit("deal"),
      col("deal_id"),
      columns(
          "deal_id text",
          "dsp_platforms text",
          "ssps text",
          "dsp_impressions number",
          "ssp_impressions number",
          "impressions_discrepancy_pct number",
          "dsp_spend number",
          "ssp_gross_revenue number",
          "ssp_net_revenue number",
          "discrepancy number",
          "discrepancy_pct number",
          "status text",
          "judged_by text",
          "day_alignment text",
          "timezone_offset_hours number")),
  /**
   * ops.org_holds: an org a run held back; one alert per held run, resolved once the org is
   * published again.
   */
  ORG_HOLDS(
      Tables.ORG_HOLDS,
      "as_of_date",
      false,
      lit(null).cast("string"),
      lit("org_hold"),
      col("run_id"),
      columns(
          "layer text",
          "first_date date",
          "last_date date",
          "failures number",
          "reason text",
          "released_by text"));

  private final TableSpec table;
  private final String dateColumn;
  private final boolean platformEntities;
  private final Column platform;
  private final Column entityType;
  private final Column entityId;
  private final Map<String, RuleType> columns;

  RuleMart(
      TableSpec table,
      String dateColumn,
      boolean platformEntities,
      Column platform,
      Column entityType,
      Column entityId,
      Map<String, RuleType> columns) {
    this.table = table;
    this.dateColumn = dateColumn;
    this.platformEntities = platformEntities;
    this.platform = platform;
    this.entityType = entityType;
    this.entityId = entityId;
    this.columns = columns;
  }

  /** As in {@code conf/alerts.yaml}: the gold table's name. */
  public String id() {
    return table.name();
  }

  /** The gold table the rules read (its published state). */
  public TableSpec table() {
    return table;
  }

  /**
   * The mart's date column; a run evaluates the rows of its as-of date (of its month, for the
   * monthly margin).
   */
  public String dateColumn() {
    return dateColumn;
  }

  /** Whether a row is a platform entity (a line item, an ad group) that write-back could change. */
  public boolean platformEntities() {
    return platformEntities;
  }

  public Column platform() {
    return platform;
  }

  public Column entityType() {
    return entityType;
  }

  /**
   * With the platform and entity type, what one alert is about: the same entity found again is the
   * same alert.
   */
  public Column entityId() {
    return entityId;
  }

  /** The allow-list: the columns a rule on this mart may name, with their types. */
  public Map<String, RuleType> columns() {
    return columns;
  }

  public static RuleMart of(String id) {
    for (RuleMart mart : values()) {
      if (mart.id().equals(id)) {
        return mart;
      }
    }
    throw new IllegalArgumentException(
        "unknown mart '"
            + id
            + "'; rules read "
            + Arrays.stream(values()).map(RuleMart::id).collect(Collectors.joining(", ")));
  }

  private static Map<String, RuleType> columns(String... typed) {
    Map<String, RuleType> out = new LinkedHashMap<>();
    for (String entry : typed) {
      String[] parts = entry.split(" ");
      out.put(
          parts[0],
          RuleType.valueOf(parts[1].equals("text") ? "TEXT" : parts[1].toUpperCase(Locale.ROOT)));
    }
    return Collections.unmodifiableMap(out);
  }
}

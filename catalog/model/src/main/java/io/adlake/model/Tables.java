package io.adlake.model;

import java.util.List;

/** Every table adlake writes, with its grain. The README's table list is written from these. */
public final class Tables {
  private Tables() {}

  private static final List<String> BRONZE_GRAIN =
      List.of("org_id", "source_file", "source_row_number");
  private static final List<String> BRONZE_PARTITION = List.of("delivery_date", "org_id");

  public static final TableSpec BRONZE_DV360 =
      bronze("dv360_delivery", "DV360 delivery report rows as delivered, one per report line");
  public static final TableSpec BRONZE_TTD =
      bronze("ttd_delivery", "The Trade Desk MyReports rows as delivered, one per report line");
  public static final TableSpec BRONZE_META =
      bronze("meta_insights", "Meta Ads Insights rows as delivered, one per JSON line (ad x day)");
  public static final TableSpec BRONZE_GAM =
      bronze(
          "gam_report",
          "Google Ad Manager CSV_DUMP report rows as delivered, one per report line (ad unit x deal x buyer x day)");
  public static final TableSpec BRONZE_MONETIZE =
      bronze(
          "monetize_report",
          "Microsoft Monetize seller report rows as delivered, one per report line (placement x deal x buyer x day)");
  public static final TableSpec BRONZE_BOOKINGS =
      bronze(
          "bookings", "Booking/CRM opportunity line items as exported, one per line per snapshot");
  public static final TableSpec BRONZE_SDF_INSERTION_ORDERS =
      bronze(
          "dv360_sdf_insertion_orders",
          "DV360 SDF insertion order rows, one per line per snapshot");
  public static final TableSpec BRONZE_SDF_LINE_ITEMS =
      bronze("dv360_sdf_line_items", "DV360 SDF line item rows, one per line per snapshot");
  public static final TableSpec BRONZE_TTD_AD_GROUPS =
      bronze(
          "ttd_ad_groups",
          "The Trade Desk ad groups as returned by the API, one per JSON line per snapshot");
  public static final TableSpec BRONZE_META_AD_SETS =
      bronze(
          "meta_ad_sets",
          "Meta ad sets as returned by the Marketing API, one per JSON line per snapshot");
  public static final TableSpec BRONZE_FX =
      bronze("fx_rates", "FX reference rates as published (EUR base, one row per rate date)");

  public static final TableSpec QUARANTINE =
      new TableSpec(
          "bronze",
          "quarantine",
          List.of("org_id", "source_file", "source_row_number"),
          List.of("source", "delivery_date", "org_id"),
          "Rows that could not be read, with file, row number, raw line and reason");

  public static final TableSpec INGEST_MANIFEST =
      new TableSpec(
          "ops",
          "ingest_manifest",
          List.of("batch_id", "source_file"),
          List.of(),
          "Every file an ingest saw: checksum, action (new, restatement, skipped_duplicate) and row counts");

  public static final TableSpec INGEST_CLAIMS =
      new TableSpec(
          "ops",
          "ingest_claims",
          List.of("org_id", "source", "delivery_date"),
          List.of(),
          "Which ingest batch holds a slice while it writes it (host, process, since when), released when its manifest is recorded: two ingests never write one slice at once");

  public static final TableSpec SILVER_DELIVERY =
      new TableSpec(
          "silver",
          "delivery_daily",
          List.of(
              "org_id",
              "report_date",
              "platform",
              "advertiser_id",
              "campaign_id",
              "line_item_id",
              "deal_id"),
          List.of("report_date"),
          "Daily delivery across platforms in source and reporting currency, latest restatement only; deal_id null for buys outside a deal");
  public static final TableSpec SILVER_SUPPLY =
      new TableSpec(
          "silver",
          "supply_daily",
          List.of("org_id", "report_date", "ssp", "ad_unit_id", "deal_id", "buyer_id"),
          List.of("report_date"),
          "Daily sell-side delivery across SSPs: impressions, gross and net revenue in source and reporting currency, in the report's timezone, latest restatement only; deal_id null for open auction");
  public static final TableSpec SILVER_FX =
      new TableSpec(
          "silver",
          "fx_rates",
          List.of("org_id", "rate_date", "base_currency", "quote_currency"),
          List.of(),
          "FX rates per org and date, long form: 1 base_currency = rate quote_currency");
  public static final TableSpec SILVER_BOOKINGS =
      new TableSpec(
          "silver",
          "bookings",
          List.of("org_id", "booking_line_id"),
          List.of(),
          "Booked line items as of the latest CRM snapshot per org");
  public static final TableSpec SILVER_SETUP =
      new TableSpec(
          "silver",
          "setup_entities",
          List.of("org_id", "platform", "entity_type", "entity_id"),
          List.of(),
          "Platform setup (DV360 insertion orders and line items, TTD ad groups, Meta ad sets) as of the latest snapshot per org and platform");

  public static final TableSpec GOLD_CROSS_PLATFORM =
      new TableSpec(
          "gold",
          "cross_platform_daily",
          List.of("org_id", "report_date", "platform", "advertiser_id", "campaign_id"),
          List.of("report_date"),
          "Delivery per campaign and day across platforms in the org's reporting currency, with rates; what BI tools read");
  public static final TableSpec GOLD_ORG_DAILY =
      new TableSpec(
          "gold",
          "org_daily_summary",
          List.of("org_id", "report_date"),
          List.of(),
          "One line per org and day: totals across platforms in the reporting currency");

  public static final TableSpec GOLD_BUY_SELL =
      new TableSpec(
          "gold",
          "buy_sell_daily",
          List.of("org_id", "report_date", "side", "platform", "deal_id"),
          List.of("report_date"),
          "Buy side (DSP media cost) and sell side (SSP gross and net revenue) per org, day, platform and deal in the reporting currency; deal_id null for the rest");
  public static final TableSpec GOLD_REVENUE_RECONCILIATION =
      new TableSpec(
          "gold",
          "revenue_reconciliation",
          List.of("org_id", "report_date", "deal_id"),
          List.of("report_date"),
          "DSP-reported spend and impressions against SSP-reported gross revenue and impressions per deal and day, the discrepancy as a share of the SSP figure, and a status");

  public static final TableSpec GOLD_PACING =
      new TableSpec(
          "gold",
          "pacing",
          List.of("org_id", "as_of_date", "entity_type", "platform", "entity_id"),
          List.of("as_of_date"),
          "Where each booking line and platform budget entity stands on an as-of date: spend against even pacing, run-rate projection, status");
  public static final TableSpec GOLD_MARGIN_DAILY =
      new TableSpec(
          "gold",
          "margin_daily",
          List.of("org_id", "report_date", "booking_line_id"),
          List.of("report_date"),
          "Billable revenue from the booking against media cost per booking line and day; unbooked spend as its own lines");
  public static final TableSpec GOLD_MARGIN_MONTHLY =
      new TableSpec(
          "gold",
          "margin_monthly",
          List.of("org_id", "month", "booking_line_id"),
          List.of(),
          "The margin per booking line and calendar month, summed from gold.margin_daily");
  public static final TableSpec GOLD_QA_FINDINGS =
      new TableSpec(
          "gold",
          "qa_findings",
          List.of("org_id", "as_of_date", "platform", "entity_type", "entity_id", "check_id"),
          List.of("as_of_date"),
          "Setup QA: one row per entity and failed check on an as-of date, with severity, found and expected values");
  public static final TableSpec GOLD_TAXONOMY =
      new TableSpec(
          "gold",
          "taxonomy_results",
          List.of("org_id", "platform", "entity_type", "entity_id", "taxonomy_version"),
          List.of(),
          "Entity names checked against the org's naming convention: violations and a suggested name with its confidence");

  public static final TableSpec QUALITY_RESULTS =
      new TableSpec(
          "ops",
          "quality_results",
          List.of("run_id", "table_name", "check_name", "constraint_name", "org_id"),
          List.of(),
          "One row per gate constraint of a run: table, check, level, status, message and the metric it measured");
  public static final TableSpec QUALITY_METRICS =
      new TableSpec(
          "ops",
          "quality_metrics",
          List.of("run_id", "table_name", "metric_name", "org_id"),
          List.of(),
          "Deequ metric history per run, table and org (row counts, spend totals): what anomaly checks compare against");
  public static final TableSpec JOB_RUNS =
      new TableSpec(
          "ops",
          "job_runs",
          List.of("run_id", "attempt", "step"),
          List.of(),
          "The run ledger: one row per step of each attempt of a pipeline run, with its status, row counts, snapshot ids, gate outcomes and duration");

  public static final TableSpec ORG_HOLDS =
      new TableSpec(
          "ops",
          "org_holds",
          List.of("org_id", "run_id"),
          List.of(),
          "An org a run held back (its rows failed an error-level check): layer, delivery dates, the failures; released by the first later run that publishes the org");

  public static final TableSpec ALERTS =
      new TableSpec(
          "ops",
          "alerts",
          List.of("alert_id"),
          List.of(),
          "One row per alert (rule, org, entity): status open / acknowledged / resolved, first and last seen, the values the rule read, the action it proposes, what the last digest told");

  public static final TableSpec NOTIFICATIONS =
      new TableSpec(
          "ops",
          "notifications",
          List.of("digest_id", "channel", "attempted_at"),
          List.of(),
          "Every delivery of an alert digest to a channel: org, how many alerts, delivered or failed, attempts, the error");

  public static final TableSpec WRITEBACK_ACTIONS =
      new TableSpec(
          "ops",
          "writeback_actions",
          List.of("action_id"),
          List.of(),
          "One row per proposed platform change (the action id is its idempotency key: alert episode and change): who asked, who approved, its status through execution, before and after");

  public static final TableSpec AUDIT_LOG =
      new TableSpec(
          "ops",
          "audit_log",
          List.of("audit_id"),
          List.of(),
          "Append-only: every write-back event (planned, approved, rejected, each execution attempt with the entity's state before and after, its outcome), who and when");

  public static final List<TableSpec> ALL =
      List.of(
          BRONZE_DV360,
          BRONZE_TTD,
          BRONZE_META,
          BRONZE_GAM,
          BRONZE_MONETIZE,
          BRONZE_BOOKINGS,
          BRONZE_SDF_INSERTION_ORDERS,
          BRONZE_SDF_LINE_ITEMS,
          BRONZE_TTD_AD_GROUPS,
          BRONZE_META_AD_SETS,
          BRONZE_FX,
          QUARANTINE,
          INGEST_MANIFEST,
          INGEST_CLAIMS,
          SILVER_DELIVERY,
          SILVER_FX,
          SILVER_BOOKINGS,
          SILVER_SETUP,
          SILVER_SUPPLY,
          GOLD_CROSS_PLATFORM,
          GOLD_ORG_DAILY,
          GOLD_BUY_SELL,
          GOLD_REVENUE_RECONCILIATION,
          GOLD_PACING,
          GOLD_MARGIN_DAILY,
          GOLD_MARGIN_MONTHLY,
          GOLD_QA_FINDINGS,
          GOLD_TAXONOMY,
          QUALITY_RESULTS,
          QUALITY_METRICS,
          JOB_RUNS,
          ORG_HOLDS,
          ALERTS,
          NOTIFICATIONS,
          WRITEBACK_ACTIONS,
          AUDIT_LOG);

  /** The tables a run writes behind its branch and publishes together. */
  public static final List<TableSpec> PUBLISHED =
      ALL.stream().filter(TableSpec::published).toList();

  private static TableSpec bronze(String name, String description) {
    return new TableSpec("bronze", name, BRONZE_GRAIN, BRONZE_PARTITION, description);
  }
}

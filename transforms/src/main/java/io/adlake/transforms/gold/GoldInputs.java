package io.adlake.transforms.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the setup-aware marts (pacing, margin, QA, taxonomy) read. All frames are silver tables as written, except
 * {@code orgs}, which the job builds from the org registry and {@code conf/marts.yaml}.
 *
 * @param orgs     one row per org in the run: {@code org_id, reporting_currency, timezone, as_of_date,
 *                 under_below, over_above, run_rate_days}
 * @param delivery silver.delivery_daily
 * @param bookings silver.bookings
 * @param setup    silver.setup_entities
 * @param fxRates  silver.fx_rates
 */
public record GoldInputs(
    Dataset<Row> orgs,
    Dataset<Row> delivery,
    Dataset<Row> bookings,
    Dataset<Row> setup,
    Dataset<Row> fxRates,
    int fxLookbackDays) {}

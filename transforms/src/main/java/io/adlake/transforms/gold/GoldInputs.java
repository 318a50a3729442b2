package io.adlake.transforms.gold;

import io.adlake.transforms.formats.Values;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What the setup-aware marts (pacing, margin, QA, taxonomy) read. All frames are silver tables as
 * written, except {@code orgs}, which the job builds from the org registry and {@code
 * conf/marts.yaml}.
 *
 * @param orgs one row per org in the run: {@code org_id, reporting_currency, timezone, as_of_date,
 *     under_below, over_above, run_rate_days}
 * @param delivery silver.delivery_daily
 * @param bookings silver.bookings
 * @param setup silver.setup_entities
 * @param fxRates silver.fx_rates
 */
public record GoldInputs(
    Dataset<Row> orgs,
    Dataset<Row> delivery,
    Dataset<Row> bookings,
    Dataset<Row> setup,
    Dataset<Row> fxRates,
    int fxLookbackDays) {

  /** The schema of {@code orgs}. */
  public static final StructType ORGS =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("reporting_currency", DataTypes.StringType)
          .add("timezone", DataTypes.StringType)
          .add("as_of_date", DataTypes.DateType)
          .add("under_below", Values.RATE)
          .add("over_above", Values.RATE)
          .add("run_rate_days", DataTypes.IntegerType);
}

package io.adlake.transforms.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import io.adlake.transforms.formats.EcbFxRates;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Bronze FX rows (one per date, all currencies) to silver's long form: one row per org, date and
 * currency.
 */
public final class FxRates {
  private FxRates() {}

  public static Dataset<Row> toSilver(Dataset<Row> bronzeLatest) {
    return bronzeLatest
        .select(col("org_id"), col("rate_date"), explode(col("rates")).as("r"), col("batch_id"))
        .select(
            col("org_id"),
            col("rate_date"),
            lit(EcbFxRates.BASE_CURRENCY).as("base_currency"),
            col("r.currency").as("quote_currency"),
            col("r.rate").as("rate"),
            col("batch_id").as("source_batch_id"))
        .dropDuplicates("org_id", "rate_date", "base_currency", "quote_currency");
  }
}

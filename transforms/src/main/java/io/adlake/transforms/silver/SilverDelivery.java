package io.adlake.transforms.silver;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The silver delivery table from the platforms' unified rows: FX-converted, with the account
 * timezone, in a fixed column order so every run writes the same layout.
 */
public final class SilverDelivery {
  private SilverDelivery() {}

  /**
   * @param unified union of the platforms' {@code toDelivery} outputs
   * @param accounts {@code org_id, platform, reporting_currency, timezone}: the timezone of each
   *     org's account on each platform
   */
  public static Dataset<Row> build(
      Dataset<Row> unified, Dataset<Row> accounts, Dataset<Row> rates, int lookbackDays) {
    Dataset<Row> converted =
        FxConversion.apply(
            unified,
            accounts.select("org_id", "reporting_currency").distinct(),
            rates,
            lookbackDays);
    Dataset<Row> withZone =
        converted.join(
            broadcast(accounts.select("org_id", "platform", "timezone")),
            new String[] {"org_id", "platform"},
            "left");
    List<Column> columns = new ArrayList<>();
    DeliveryColumns.GRAIN.forEach(c -> columns.add(col(c)));
    DeliveryColumns.NAMES.forEach(c -> columns.add(col(c)));
    DeliveryColumns.METRICS.forEach(c -> columns.add(col(c)));
    columns.add(col(DeliveryColumns.CONVERSIONS_COUNTED));
    columns.add(col("currency"));
    columns.add(col("reporting_currency"));
    columns.add(col("fx_rate"));
    columns.add(col("fx_rate_date"));
    columns.add(col("fx_status"));
    DeliveryColumns.AMOUNTS.forEach(c -> columns.add(col(c + "_rc")));
    columns.add(col("timezone"));
    columns.add(col("delivery_date"));
    columns.add(col("source_batch_id"));
    return withZone.select(columns.toArray(Column[]::new));
  }
}

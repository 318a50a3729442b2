package io.adlake.transforms.gold.qa;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;

import java.math.BigDecimal;
import java.util.Map;
import org.apache.spark.sql.Column;

/**
 * Active and in flight for at least {@code days} days, with no delivery in the last {@code days}
 * days: broken targeting, a creative not approved, a bid too low.
 */
final class NoRecentDelivery extends EntityCheck {
  @Override
  public String id() {
    return "no_recent_delivery";
  }

  @Override
  public String defaultSeverity() {
    return "high";
  }

  @Override
  public String description() {
    return "active entity in flight has not delivered recently";
  }

  @Override
  public Map<String, BigDecimal> parameters() {
    return Map.of("days", BigDecimal.valueOf(3));
  }

  @Override
  Column failing() {
    Column days = col("param_days");
    Column asOf = col("as_of_date");
    return active()
        .and(asOf.between(col("paced_flight_start"), col("paced_flight_end")))
        .and(datediff(asOf, col("paced_flight_start")).geq(days))
        .and(
            col("last_delivery_date")
                .isNull()
                .or(datediff(asOf, col("last_delivery_date")).geq(days)));
  }

  @Override
  Column found() {
    return concat(
        lit("last delivery "), coalesce(col("last_delivery_date").cast("string"), lit("never")));
  }

  @Override
  Column expected() {
    return concat(
        lit("delivery within the last "),
        col("param_days").cast("int").cast("string"),
        lit(" days"));
  }
}

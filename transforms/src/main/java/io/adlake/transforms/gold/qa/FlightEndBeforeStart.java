package io.adlake.transforms.gold.qa;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;

/** A flight that ends before it starts can never deliver. */
final class FlightEndBeforeStart extends EntityCheck {
  @Override
  public String id() {
    return "flight_end_before_start";
  }

  @Override
  public String defaultSeverity() {
    return "high";
  }

  @Override
  public String description() {
    return "flight ends before it starts";
  }

  @Override
  Column failing() {
    return col("flight_end").lt(col("flight_start"));
  }

  @Override
  Column found() {
    return flight(col("flight_start"), col("flight_end"));
  }

  @Override
  Column expected() {
    return lit("an end on or after the start");
  }
}

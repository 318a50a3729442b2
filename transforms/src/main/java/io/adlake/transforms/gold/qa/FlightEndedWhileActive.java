package io.adlake.transforms.gold.qa;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;

/**
 * Still Active after its flight: left running by mistake, or a flight that should have been
 * extended.
 */
final class FlightEndedWhileActive extends EntityCheck {
  @Override
  public String id() {
    return "flight_ended_while_active";
  }

  @Override
  public String defaultSeverity() {
    return "medium";
  }

  @Override
  public String description() {
    return "flight is over but the entity is still active";
  }

  @Override
  Column failing() {
    return active().and(col("flight_end").lt(col("as_of_date")));
  }

  @Override
  Column found() {
    return concat(lit("Active, flight ended "), col("flight_end").cast("string"));
  }

  @Override
  Column expected() {
    return lit("paused or archived after its flight");
  }
}

package io.adlake.transforms.gold.qa;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;

/**
 * An active entity that could carry a frequency cap and has none. TTD's export does not say, so TTD
 * is not judged.
 */
final class NoFrequencyCap extends EntityCheck {
  @Override
  public String id() {
    return "no_frequency_cap";
  }

  @Override
  public String defaultSeverity() {
    return "medium";
  }

  @Override
  public String description() {
    return "active entity without a frequency cap";
  }

  @Override
  Column failing() {
    return active().and(col("frequency_cap_enabled").equalTo(false));
  }

  @Override
  Column found() {
    return lit("no frequency cap");
  }

  @Override
  Column expected() {
    return lit("a frequency cap");
  }
}

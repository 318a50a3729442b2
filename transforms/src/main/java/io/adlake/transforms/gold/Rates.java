package io.adlake.transforms.gold;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.adlake.transforms.formats.Values;
import io.adlake.transforms.silver.LinesWithoutFx;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * Delivery ratios, computed from summed numerators and denominators (never averaged across rows),
 * null where the denominator is zero rather than infinite or zero.
 */
final class Rates {
  private Rates() {}

  /** Clicks per impression, as a fraction. */
  static Column ctr(Column clicks, Column impressions) {
    return ratio(clicks, impressions, 1);
  }

  /** Cost per thousand impressions. */
  static Column cpm(Column cost, Column impressions) {
    return ratio(cost, impressions, 1000);
  }

  /** Cost per click, or per conversion. */
  static Column costPer(Column cost, Column events) {
    return ratio(cost, events, 1);
  }

  /**
   * A cost-based rate only where every line's cost was converted ({@code lines_without_fx = 0}).
   */
  static Column whenCostKnown(Column rate) {
    return LinesWithoutFx.whenAllConverted(rate);
  }

  /** A plain ratio: pacing index, margin share. */
  static Column ratio(Column numerator, Column denominator) {
    return ratio(numerator, denominator, 1);
  }

  /**
   * Computed in doubles and stored as {@link Values#RATE}: Spark's decimal division at these
   * precisions keeps only six decimals, a ratio needs its ten.
   */
  private static Column ratio(Column numerator, Column denominator, int scale) {
    return when(
            denominator.gt(0),
            numerator
                .cast(DataTypes.DoubleType)
                .multiply(lit(scale))
                .divide(denominator.cast(DataTypes.DoubleType)))
        .cast(Values.RATE);
  }
}

package io.adlake.model.config;

import io.adlake.model.ConfigException;
import java.math.BigDecimal;

/**
 * How one org judges pacing.
 *
 * @param underBelow a pacing index (spend / expected spend) below this is {@code under}
 * @param overAbove a pacing index above this is {@code over}, unless the entity paces ahead by
 *     design
 * @param runRateDays how many recent days the run rate, and so the end-of-flight projection, is
 *     taken over
 */
public record PacingSettings(BigDecimal underBelow, BigDecimal overAbove, int runRateDays) {

  public PacingSettings {
    if (underBelow == null || overAbove == null) {
      throw new ConfigException("pacing: under_below and over_above are required");
    }
    if (underBelow.signum() <= 0 || underBelow.compareTo(BigDecimal.ONE) > 0) {
      throw new ConfigException(
          "pacing.under_below must be in (0, 1], was " + underBelow.toPlainString());
    }
    if (overAbove.compareTo(BigDecimal.ONE) < 0) {
      throw new ConfigException(
          "pacing.over_above must be at least 1, was " + overAbove.toPlainString());
    }
    if (runRateDays < 1 || runRateDays > 31) {
      throw new ConfigException(
          "pacing.run_rate_days must be between 1 and 31, was " + runRateDays);
    }
  }
}

package io.adlake.model.config;

import io.adlake.model.ConfigException;
import java.math.BigDecimal;

/**
 * How one org judges a deal's DSP-vs-SSP discrepancy ({@code gold.revenue_reconciliation}).
 *
 * @param tolerance the share of the SSP's gross revenue the DSP's spend may differ by: 0.10 is the
 *     10 % industry guidelines use (IAB UK, IAB Canada, OVK), judged on the publisher's figure
 * @param floor an absolute difference, in the org's reporting currency, under which a deal is
 *     within tolerance whatever the share: a 3.00 gap on a 12.00 deal is 25 % and not worth
 *     anyone's morning
 */
public record ReconciliationSettings(BigDecimal tolerance, BigDecimal floor) {

  public static final ReconciliationSettings DEFAULT =
      new ReconciliationSettings(new BigDecimal("0.10"), new BigDecimal("50"));

  public ReconciliationSettings {
    if (tolerance == null || floor == null) {
      throw new ConfigException("reconciliation: tolerance and floor are required");
    }
    if (tolerance.signum() < 0 || tolerance.compareTo(BigDecimal.ONE) >= 0) {
      throw new ConfigException(
          "reconciliation.tolerance must be in [0, 1), was " + tolerance.toPlainString());
    }
    if (floor.signum() < 0) {
      throw new ConfigException(
          "reconciliation.floor must not be negative, was " + floor.toPlainString());
    }
  }
}

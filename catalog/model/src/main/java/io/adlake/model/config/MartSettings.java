package io.adlake.model.config;

import io.adlake.model.ConfigException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one org's gold marts are judged against: pacing thresholds, QA checks by id, its naming
 * convention, and the DSP-vs-SSP reconciliation tolerance ({@link ReconciliationSettings#DEFAULT}
 * when absent).
 */
public record MartSettings(
    PacingSettings pacing,
    Map<String, QaCheckSettings> qa,
    NamingConventionSpec taxonomy,
    ReconciliationSettings reconciliation) {

  public MartSettings(
      PacingSettings pacing, Map<String, QaCheckSettings> qa, NamingConventionSpec taxonomy) {
    this(pacing, qa, taxonomy, null);
  }

  public MartSettings {
    if (pacing == null) {
      throw new ConfigException("pacing settings are required");
    }
    Map<String, QaCheckSettings> checks = new LinkedHashMap<>();
    if (qa != null) {
      // "no_frequency_cap:" with nothing after it reads as null: the check with its defaults.
      qa.forEach((id, s) -> checks.put(id, s == null ? new QaCheckSettings(null, null, null) : s));
    }
    qa = Map.copyOf(checks);
    if (reconciliation == null) {
      reconciliation = ReconciliationSettings.DEFAULT;
    }
  }
}

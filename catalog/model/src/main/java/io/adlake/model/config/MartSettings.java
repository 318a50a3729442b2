package io.adlake.model.config;

import java.util.Map;

/**
 * What one org's gold marts are judged against: pacing thresholds, QA checks by id, and its naming convention.
 */
public record MartSettings(PacingSettings pacing, Map<String, QaCheckSettings> qa, NamingConventionSpec taxonomy) {

  public MartSettings {
    if (pacing == null) {
      throw new ConfigException("pacing settings are required");
    }
    Map<String, QaCheckSettings> checks = new java.util.LinkedHashMap<>();
    if (qa != null) {
      // "no_frequency_cap:" with nothing after it reads as null: the check with its defaults.
      qa.forEach((id, s) -> checks.put(id, s == null ? new QaCheckSettings(null, null, null) : s));
    }
    qa = Map.copyOf(checks);
  }
}

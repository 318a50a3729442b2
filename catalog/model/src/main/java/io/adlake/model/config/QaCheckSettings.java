package io.adlake.model.config;

import io.adlake.model.ConfigException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One QA check as one org configures it. Which parameters a check takes is the check's to say; the
 * QA library refuses names it does not know.
 *
 * @param enabled null = enabled
 * @param severity {@code low}, {@code medium} or {@code high}; null = the check's default
 * @param params numeric thresholds by name, e.g. {@code days: 3}
 */
public record QaCheckSettings(Boolean enabled, String severity, Map<String, BigDecimal> params) {

  public static final List<String> SEVERITIES = List.of("low", "medium", "high");

  public QaCheckSettings {
    if (severity != null && !SEVERITIES.contains(severity)) {
      throw new ConfigException("unknown severity '" + severity + "'; use one of " + SEVERITIES);
    }
    params = params == null ? Map.of() : Map.copyOf(params);
  }

  public boolean isEnabled() {
    return enabled == null || enabled;
  }
}

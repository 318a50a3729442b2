package io.adlake.catalog.config;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * {@code conf/writeback.yaml}: the platform APIs write-back calls, and the budget above which a change needs a
 * second person.
 *
 * @param platforms         dv360, ttd, meta: base URL, token variable, retries and rate limit
 * @param approvalThreshold a budget or daily cap set above this amount (the org's reporting currency) must be
 *                          approved by someone other than who planned it
 * @param orgs              per org: its own threshold
 */
public record WritebackSettings(Map<String, PlatformEndpoint> platforms, BigDecimal approvalThreshold, Map<String, OrgWritebackSettings> orgs) {

  public static final Set<String> PLATFORMS = Set.of("dv360", "ttd", "meta");

  public WritebackSettings {
    platforms = platforms == null ? Map.of() : Map.copyOf(platforms);
    orgs = orgs == null ? Map.of() : Map.copyOf(orgs);
    if (approvalThreshold == null || approvalThreshold.signum() < 0) {
      throw new IllegalArgumentException("approval_threshold is required and must be >= 0, was " + approvalThreshold);
    }
    for (String platform : platforms.keySet()) {
      if (!PLATFORMS.contains(platform)) {
        throw new IllegalArgumentException("platforms." + platform + ": write-back knows " + new java.util.TreeSet<>(PLATFORMS));
      }
    }
  }

  /** Per org: its own approval threshold, else the shared one. */
  public record OrgWritebackSettings(BigDecimal approvalThreshold) {
    public OrgWritebackSettings {
      if (approvalThreshold != null && approvalThreshold.signum() < 0) {
        throw new IllegalArgumentException("approval_threshold must be >= 0, was " + approvalThreshold);
      }
    }
  }

  public BigDecimal thresholdFor(String orgId) {
    OrgWritebackSettings org = orgs.get(orgId);
    return org != null && org.approvalThreshold() != null ? org.approvalThreshold() : approvalThreshold;
  }
}

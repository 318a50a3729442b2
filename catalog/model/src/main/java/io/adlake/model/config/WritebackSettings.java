package io.adlake.model.config;

import io.adlake.model.Platform;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code conf/writeback.yaml}: the platform APIs write-back calls, and the budget above which a
 * change needs a second person.
 *
 * @param platforms dv360, ttd, meta: base URL, token variable, retries and rate limit
 * @param approvalThreshold a budget or daily cap set above this amount (the org's reporting
 *     currency) must be approved by someone other than who planned it
 * @param orgs per org: its own threshold, and its own token variables per platform
 * @param delegators operating-system users that may act on behalf of a named person
 *     (--on-behalf-of), as the Airflow worker's user does for the Airflow user; nobody else may
 *     name another person
 */
public record WritebackSettings(
    Map<String, PlatformEndpoint> platforms,
    BigDecimal approvalThreshold,
    Map<String, OrgWritebackSettings> orgs,
    List<String> delegators) {

  public WritebackSettings {
    platforms = platforms == null ? Map.of() : Map.copyOf(platforms);
    orgs = orgs == null ? Map.of() : Map.copyOf(orgs);
    delegators = delegators == null ? List.of() : List.copyOf(delegators);
    for (String delegator : delegators) {
      if (delegator == null || delegator.isBlank()) {
        throw new IllegalArgumentException("delegators: a blank name");
      }
    }
    if (approvalThreshold == null || approvalThreshold.signum() < 0) {
      throw new IllegalArgumentException(
          "approval_threshold is required and must be >= 0, was " + approvalThreshold);
    }
    for (String platform : platforms.keySet()) {
      requirePlatform("platforms." + platform, platform);
    }
  }

  /** Write-back knows every {@link Platform}; a key naming another is a mistake in the file. */
  private static void requirePlatform(String key, String platform) {
    if (!Platform.codes().contains(platform)) {
      throw new IllegalArgumentException(key + ": write-back knows " + Platform.codes());
    }
  }

  /**
   * Per org: its own threshold, else the shared one; and per platform the environment variable
   * holding the org's own token (agencies hold credentials per DV360 partner, TTD partner, Meta
   * business), else the platform's.
   */
  public record OrgWritebackSettings(BigDecimal approvalThreshold, Map<String, String> tokenEnv) {
    public OrgWritebackSettings {
      if (approvalThreshold != null && approvalThreshold.signum() < 0) {
        throw new IllegalArgumentException(
            "approval_threshold must be >= 0, was " + approvalThreshold);
      }
      tokenEnv = tokenEnv == null ? Map.of() : Map.copyOf(tokenEnv);
      tokenEnv.forEach(
          (platform, env) -> {
            requirePlatform("token_env." + platform, platform);
            PlatformEndpoint.requireEnvName("token_env." + platform, env);
          });
    }
  }

  /**
   * The environment variable with the token write-back uses for this org's entities on this
   * platform: the org's own, else the platform's shared one.
   *
   * @throws IllegalStateException when the platform has no endpoint
   */
  public String tokenEnvFor(String orgId, String platform) {
    OrgWritebackSettings org = orgs.get(orgId);
    if (org != null && org.tokenEnv().containsKey(platform)) {
      return org.tokenEnv().get(platform);
    }
    PlatformEndpoint endpoint = platforms.get(platform);
    if (endpoint == null) {
      throw new IllegalStateException("conf/writeback.yaml has no platforms." + platform);
    }
    return endpoint.tokenEnv();
  }

  public BigDecimal thresholdFor(String orgId) {
    OrgWritebackSettings org = orgs.get(orgId);
    return org != null && org.approvalThreshold() != null
        ? org.approvalThreshold()
        : approvalThreshold;
  }
}

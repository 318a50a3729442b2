package io.adlake.jobs.writeback;

import io.adlake.model.config.PlatformEndpoint;
import io.adlake.model.config.WritebackSettings;
import io.adlake.platforms.kit.PlatformAccess;
import io.adlake.platforms.kit.PlatformKit;
import io.adlake.platforms.writeback.PlatformAdapter;
import java.util.HashMap;
import java.util.Map;

/**
 * The adapter for each org and platform, built from conf/writeback.yaml and the token in the
 * environment variable it names for that org (its own, else the platform's shared one), so an org's
 * token is only ever sent for that org's entities. The platform's kit builds the adapter; {@link
 * PlatformAccess} gives one client per platform for the whole run (its rate limit spaces all the
 * run's calls to it) and refuses an endpoint the platform has switched off (an expired Graph API
 * version) before any call.
 */
public final class PlatformAdapters {
  private final WritebackSettings settings;
  private final PlatformAccess access;
  private final Map<String, PlatformAdapter> built = new HashMap<>();

  public PlatformAdapters(WritebackSettings settings, PlatformAccess access) {
    this.settings = settings;
    this.access = access;
  }

  /**
   * The adapter for an org's entities, or an {@link IllegalStateException} saying what is missing
   * (never the token).
   */
  public synchronized PlatformAdapter forOrg(String org, String platform) {
    String tokenEnv = settings.tokenEnvFor(org, platform);
    String key = platform + "\u0000" + tokenEnv;
    PlatformAdapter adapter = built.get(key);
    if (adapter != null) {
      return adapter;
    }
    PlatformKit kit = access.kits().require(platform);
    PlatformKit.Writeback writeback =
        kit.writeback()
            .orElseThrow(
                () ->
                    new IllegalStateException("adlake does not change " + platform + " entities"));
    PlatformEndpoint endpoint = settings.platforms().get(platform);
    access.requireCallable(kit, endpoint.baseUrl(), "platforms." + platform + ".base_url");
    String token = access.secret(tokenEnv, kit, org);
    adapter =
        writeback.adapter(
            endpoint.baseUrl(), token, access.client(platform, kit, endpoint), access.clock());
    built.put(key, adapter);
    return adapter;
  }
}

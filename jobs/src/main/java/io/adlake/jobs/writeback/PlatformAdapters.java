package io.adlake.jobs.writeback;

import io.adlake.jobs.platforms.PlatformClient;
import io.adlake.jobs.platforms.RetrySignals;
import io.adlake.model.config.PlatformEndpoint;
import io.adlake.model.config.WritebackSettings;
import io.adlake.model.Platform;
import io.adlake.model.platforms.MetaApi;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The adapter for each org and platform, built from conf/writeback.yaml and the token in the environment variable
 * it names for that org (its own, else the platform's shared one), so an org's token is only ever sent for that
 * org's entities. One client per platform for the whole run, so its rate limit spaces all the run's calls to it.
 * A Meta base URL whose Graph API version has expired is refused before any call.
 */
public final class PlatformAdapters {
  private final WritebackSettings settings;
  private final UnaryOperator<String> env;
  private final Clock clock;
  private final Map<String, PlatformClient> clients = new HashMap<>();
  private final Map<String, PlatformAdapter> built = new HashMap<>();

  /**
   * @param env   environment lookup ({@code System::getenv} in production)
   * @param clock today, for the Graph API version's expiry and the TTD flight running now
   */
  public PlatformAdapters(WritebackSettings settings, UnaryOperator<String> env, Clock clock) {
    this.settings = settings;
    this.env = env;
    this.clock = clock;
  }

  /** The adapter for an org's entities, or an {@link IllegalStateException} saying what is missing (never the token). */
  public synchronized PlatformAdapter forOrg(String org, String platform) {
    String tokenEnv = settings.tokenEnvFor(org, platform);
    String key = platform + "\u0000" + tokenEnv;
    PlatformAdapter adapter = built.get(key);
    if (adapter != null) {
      return adapter;
    }
    PlatformEndpoint endpoint = settings.platforms().get(platform);
    Platform which = Platform.ofCode(platform);
    String outdated = which == Platform.META ? MetaApi.versionProblem(endpoint.baseUrl().toString(), LocalDate.now(clock), "platforms.meta.base_url") : null;
    if (outdated != null) {
      throw new IllegalStateException(outdated);
    }
    String token = env.apply(tokenEnv);
    if (token == null || token.isBlank()) {
      throw new IllegalStateException("$" + tokenEnv + " is not set: no " + platform + " token for org " + org);
    }
    PlatformClient client =
        clients.computeIfAbsent(
            platform,
            p -> new PlatformClient(
                p,
                PlatformClient.Policy.ofMillis(endpoint.attempts(), endpoint.backoffMillis(), endpoint.maxBackoffMillis(), endpoint.minIntervalMillis()),
                RetrySignals.of(which.code())));
    adapter =
        switch (which) {
          case DV360 -> new Dv360LineItems(endpoint.baseUrl(), token, client);
          case TTD -> new TtdAdGroups(endpoint.baseUrl(), token, client, clock);
          case META -> new MetaAdSets(endpoint.baseUrl(), token, client);
        };
    built.put(key, adapter);
    return adapter;
  }
}

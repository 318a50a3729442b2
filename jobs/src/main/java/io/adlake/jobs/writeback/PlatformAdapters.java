package io.adlake.jobs.writeback;

import io.adlake.catalog.config.PlatformEndpoint;
import io.adlake.catalog.config.WritebackSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The adapter for each platform, built from conf/writeback.yaml and the token in the environment variable it
 * names. One client per platform for the whole run, so its rate limit spaces all the run's calls to it.
 */
public final class PlatformAdapters {
  private final WritebackSettings settings;
  private final UnaryOperator<String> env;
  private final Map<String, PlatformAdapter> built = new HashMap<>();

  /** @param env environment lookup ({@code System::getenv} in production) */
  public PlatformAdapters(WritebackSettings settings, UnaryOperator<String> env) {
    this.settings = settings;
    this.env = env;
  }

  /** The adapter, or an {@link IllegalStateException} saying what is missing (never the token). */
  public synchronized PlatformAdapter forPlatform(String platform) {
    PlatformAdapter adapter = built.get(platform);
    if (adapter != null) {
      return adapter;
    }
    PlatformEndpoint endpoint = settings.platforms().get(platform);
    if (endpoint == null) {
      throw new IllegalStateException("conf/writeback.yaml has no platforms." + platform);
    }
    String token = env.apply(endpoint.tokenEnv());
    if (token == null || token.isBlank()) {
      throw new IllegalStateException("$" + endpoint.tokenEnv() + " is not set: no token for " + platform);
    }
    PlatformClient client =
        new PlatformClient(
            platform,
            new PlatformClient.Policy(
                endpoint.attempts(), Duration.ofMillis(endpoint.backoffMillis()), Duration.ofMillis(endpoint.maxBackoffMillis()), Duration.ofMillis(endpoint.minIntervalMillis())));
    adapter =
        switch (platform) {
          case "dv360" -> new Dv360LineItems(endpoint.baseUrl(), token, client);
          case "ttd" -> new TtdAdGroups(endpoint.baseUrl(), token, client);
          case "meta" -> new MetaAdSets(endpoint.baseUrl(), token, client);
          default -> throw new IllegalStateException("write-back has no adapter for " + platform);
        };
    built.put(platform, adapter);
    return adapter;
  }
}

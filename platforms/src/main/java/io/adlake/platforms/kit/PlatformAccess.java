package io.adlake.platforms.kit;

import io.adlake.model.config.RetrySettings;
import io.adlake.platforms.http.PlatformClient;
import io.adlake.platforms.versions.PinnedVersion;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What a run needs to call platforms, assembled once for the connectors and write-back alike: one
 * client per endpoint for the whole run (so the platform's rate limit spaces every org's calls),
 * secrets read from the environment (named, never shown), and an endpoint refused before any call
 * when the platform has switched its API version off.
 */
public final class PlatformAccess {
  private final PlatformKits kits;
  private final UnaryOperator<String> env;
  private final Clock clock;
  private final Map<String, PlatformClient> clients = new HashMap<>();

  /**
   * @param env environment lookup ({@code System::getenv} in production): where secrets are
   * @param clock now, for token lifetimes, report timeouts and API version expiry
   */
  public PlatformAccess(PlatformKits kits, UnaryOperator<String> env, Clock clock) {
    this.kits = kits;
    this.env = env;
    this.clock = clock;
  }

  public PlatformKits kits() {
    return kits;
  }

  public Clock clock() {
    return clock;
  }

  /**
   * The client of an endpoint, made on first use with the kit's retry signals and the endpoint's
   * policy.
   *
   * @param endpoint the endpoint's name in conf/ ({@code dv360}, {@code setup}); one client each
   */
  public synchronized PlatformClient client(
      String endpoint, PlatformKit kit, RetrySettings settings) {
    return clients.computeIfAbsent(
        endpoint,
        key ->
            new PlatformClient(
                kit.source().id(), PlatformClient.Policy.of(settings), kit.retrySignals()));
  }

  /**
   * The secret in environment variable {@code variable}.
   *
   * @throws CredentialsMissing naming the variable, the platform and the org when it is unset or
   *     blank
   */
  public String secret(String variable, PlatformKit kit, String org) {
    String secret = env.apply(variable);
    if (secret == null || secret.isBlank()) {
      throw new CredentialsMissing(
          "$" + variable + " is not set: no " + kit.source().id() + " credentials for org " + org);
    }
    return secret;
  }

  /**
   * Refuses an endpoint whose API version, or a file-format version its calls pin, is past its
   * sunset today or unknown to adlake, before anything is sent; returns a warning for each version
   * that ends within {@link PinnedVersion#WARNING_DAYS} days.
   *
   * @param setting where the base URL is configured, named in the messages
   * @throws VersionRefused naming the version, its sunset and the setting to change
   */
  public List<String> requireCallable(PlatformKit kit, URI baseUrl, String setting) {
    LocalDate today = LocalDate.now(clock);
    List<String> warnings = new ArrayList<>();
    for (PinnedVersion version : kit.versions(baseUrl, setting)) {
      Optional<String> notice = version.notice(today);
      if (notice.isEmpty()) {
        continue;
      }
      if (!version.callable(today)) {
        throw new VersionRefused(kit.source().id() + ": " + notice.get());
      }
      warnings.add(kit.source().id() + ": " + notice.get());
    }
    return List.copyOf(warnings);
  }
}

package io.adlake.platforms.meta;

import io.adlake.model.Source;
import io.adlake.platforms.fetch.ReportFetcher;
import io.adlake.platforms.http.AccessToken;
import io.adlake.platforms.http.EnvironmentToken;
import io.adlake.platforms.http.RetrySignals;
import io.adlake.platforms.kit.PlatformKit;
import io.adlake.platforms.versions.PinnedVersion;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Meta's Marketing API: asynchronous Insights jobs for delivery, ad sets for setup, ad set changes
 * for write-back; a system user's token; throttling said in error codes and usage headers; a Graph
 * API version refused once expired.
 */
public final class MetaKit implements PlatformKit {

  @Override
  public Source source() {
    return Source.META;
  }

  @Override
  public RetrySignals retrySignals() {
    return new MetaRetrySignals();
  }

  @Override
  public List<PinnedVersion> versions(URI baseUrl, String setting) {
    return List.of(MetaApi.VERSIONS.pinIn(baseUrl, setting));
  }

  @Override
  public AccessToken fetchToken(Credentials credentials) {
    return new EnvironmentToken(credentials.secret());
  }

  @Override
  public Optional<ReportFetcher> reports() {
    return Optional.of(new MetaInsightsFetch());
  }

  @Override
  public Optional<SetupFetch> setup() {
    return Optional.of(new SetupFetch(new MetaAdSetsFetch(), Source.META));
  }

  @Override
  public Optional<Writeback> writeback() {
    return Optional.of((baseUrl, token, client, clock) -> new MetaAdSets(baseUrl, token, client));
  }
}

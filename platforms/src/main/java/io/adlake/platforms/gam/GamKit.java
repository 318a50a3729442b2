package io.adlake.platforms.gam;

import io.adlake.model.Source;
import io.adlake.platforms.fetch.ReportFetcher;
import io.adlake.platforms.http.AccessToken;
import io.adlake.platforms.http.RetrySignals;
import io.adlake.platforms.http.ServiceAccountToken;
import io.adlake.platforms.kit.PlatformKit;
import io.adlake.platforms.versions.PinnedVersion;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Google Ad Manager (sell side): ReportService jobs over SOAP, a service account added to the
 * network, SOAP faults.
 */
public final class GamKit implements PlatformKit {

  @Override
  public Source source() {
    return Source.GAM;
  }

  @Override
  public RetrySignals retrySignals() {
    return new GamRetrySignals();
  }

  @Override
  public AccessToken fetchToken(Credentials credentials) {
    return new ServiceAccountToken(
        credentials.secret(),
        credentials.what(),
        GamApi.SCOPE,
        credentials.client(),
        credentials.clock());
  }

  @Override
  public Optional<ReportFetcher> reports() {
    return Optional.of(new GamReportFetch());
  }

  @Override
  public List<PinnedVersion> versions(URI baseUrl, String setting) {
    return List.of(GamApi.VERSIONS.pinIn(baseUrl, setting));
  }
}

package io.adlake.platforms.salesforce;

import io.adlake.model.Source;
import io.adlake.platforms.fetch.ReportFetcher;
import io.adlake.platforms.http.AccessToken;
import io.adlake.platforms.http.RetrySignals;
import io.adlake.platforms.kit.PlatformKit;
import io.adlake.platforms.versions.PinnedVersion;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Salesforce, the CRM that holds what was sold: bookings through a Bulk API 2.0 query job, with a
 * session from the OAuth 2.0 JWT bearer flow (the session, not conf/, names the org's instance
 * URL).
 */
public final class SalesforceKit implements PlatformKit {

  @Override
  public Source source() {
    return Source.BOOKINGS;
  }

  @Override
  public RetrySignals retrySignals() {
    return new SalesforceRetrySignals();
  }

  @Override
  public AccessToken fetchToken(Credentials credentials) {
    return new SalesforceSession(
        credentials.secret(),
        credentials.what(),
        credentials.baseUrl(),
        credentials.client(),
        credentials.clock());
  }

  @Override
  public Optional<ReportFetcher> reports() {
    return Optional.of(new SalesforceBookingsFetch());
  }

  /** The REST version is adlake's own constant: the base URL is the login host. */
  @Override
  public List<PinnedVersion> versions(URI baseUrl, String setting) {
    return List.of(
        SalesforceApi.VERSIONS.pin(
            SalesforceApi.VERSION, "SalesforceApi.VERSION (in adlake's code)"));
  }
}

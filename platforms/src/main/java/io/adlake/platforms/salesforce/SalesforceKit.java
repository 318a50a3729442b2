package io.adlake.platforms.salesforce;

import io.adlake.model.Source;
import io.adlake.platforms.fetch.ReportFetcher;
import io.adlake.platforms.http.AccessToken;
import io.adlake.platforms.kit.PlatformKit;
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
}

package io.adlake.platforms.dv360;

import io.adlake.model.Source;
import io.adlake.platforms.fetch.ReportFetcher;
import io.adlake.platforms.http.AccessToken;
import io.adlake.platforms.http.ServiceAccountToken;
import io.adlake.platforms.kit.PlatformKit;
import io.adlake.platforms.versions.PinnedVersion;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Display &amp; Video 360: delivery from the Bid Manager API, setup as Structured Data Files from
 * the Display &amp; Video 360 API (its own endpoint, {@code sources.setup}), line item changes
 * through the same API. A service account's key is exchanged for a token of the API the fetch
 * calls.
 */
public final class Dv360Kit implements PlatformKit {

  @Override
  public Source source() {
    return Source.DV360;
  }

  @Override
  public AccessToken fetchToken(Credentials credentials) {
    String scope =
        credentials.fetched() == Source.SETUP ? DisplayVideoApi.SCOPE : BidManagerApi.SCOPE;
    return new ServiceAccountToken(
        credentials.secret(), credentials.what(), scope, credentials.client(), credentials.clock());
  }

  @Override
  public Optional<ReportFetcher> reports() {
    return Optional.of(new Dv360ReportFetch());
  }

  @Override
  public Optional<SetupFetch> setup() {
    return Optional.of(new SetupFetch(new Dv360SdfFetch(), Source.SETUP));
  }

  @Override
  public Optional<Writeback> writeback() {
    return Optional.of(
        (baseUrl, token, client, clock) -> new Dv360LineItems(baseUrl, token, client));
  }

  /**
   * Bid Manager (the reports' endpoint) or the Display &amp; Video 360 API (setup and write-back),
   * told apart by the version the URL names; the latter's calls also pin the SDF version.
   */
  @Override
  public List<PinnedVersion> versions(URI baseUrl, String setting) {
    if (DisplayVideoApi.VERSIONS
        .versionIn(baseUrl)
        .filter(DisplayVideoApi.VERSIONS::knows)
        .isPresent()) {
      return List.of(
          DisplayVideoApi.VERSIONS.pinIn(baseUrl, setting),
          DisplayVideoApi.SDF_VERSIONS.pin(
              DisplayVideoApi.SDF_VERSION, "DisplayVideoApi.SDF_VERSION (in adlake's code)"));
    }
    return List.of(BidManagerApi.VERSIONS.pinIn(baseUrl, setting));
  }
}

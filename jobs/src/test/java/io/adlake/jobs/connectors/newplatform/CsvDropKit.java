package io.adlake.jobs.connectors.newplatform;

import io.adlake.model.Source;
import io.adlake.platforms.fetch.OrgFetch;
import io.adlake.platforms.fetch.ReportFetcher;
import io.adlake.platforms.fetch.ReportShape;
import io.adlake.platforms.http.AccessToken;
import io.adlake.platforms.http.EnvironmentToken;
import io.adlake.platforms.kit.PlatformKit;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A platform added in a test, as a new platform is added: this package and one registry line. Its
 * API is the smallest there is (not any real platform's): {@code GET
 * <base>accounts/<account>/reports/<day>.csv} with the token in an {@code X-Api-Key} header. It
 * lands as Monetize, the one source no installed kit fetches.
 */
public final class CsvDropKit implements PlatformKit {

  @Override
  public Source source() {
    return Source.MONETIZE;
  }

  @Override
  public String tokenHeader() {
    return "X-Api-Key";
  }

  @Override
  public AccessToken fetchToken(Credentials credentials) {
    return new EnvironmentToken(credentials.secret());
  }

  @Override
  public Optional<ReportFetcher> reports() {
    return Optional.of(CsvDropKit::fetch);
  }

  private static void fetch(OrgFetch fetch) {
    String account = fetch.requireAccount("the account whose reports are fetched");
    for (LocalDate day = fetch.first(); !day.isAfter(fetch.last()); day = day.plusDays(1)) {
      Path file = fetch.scratch().resolve(day + ".csv");
      fetch
          .calls()
          .download(
              fetch.base().resolve("accounts/" + account + "/reports/" + day + ".csv"),
              file,
              true,
              "report of " + day);
      fetch.land(day, "csv", file, ReportShape.CSV);
    }
  }
}

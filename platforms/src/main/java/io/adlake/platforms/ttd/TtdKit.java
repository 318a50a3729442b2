package io.adlake.platforms.ttd;

import io.adlake.model.Source;
import io.adlake.platforms.fetch.ReportFetcher;
import io.adlake.platforms.http.AccessToken;
import io.adlake.platforms.http.EnvironmentToken;
import io.adlake.platforms.kit.PlatformKit;
import io.adlake.platforms.versions.PinnedVersion;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The Trade Desk: MyReports executions for delivery, ad groups (with their campaign's budgeting
 * version) for setup, ad group changes for write-back; a long-lived token in TTD's own {@code
 * TTD-Auth} header.
 */
public final class TtdKit implements PlatformKit {

  @Override
  public Source source() {
    return Source.TTD;
  }

  @Override
  public String tokenHeader() {
    return "TTD-Auth";
  }

  /**
   * A MyReports schedule runs its report once per period (ReportFrequency Once, Daily, Weekly,
   * Monthly, Quarterly: partner.thetradedesk.com/v3/portal/api/ref/post-myreports-reportschedule),
   * and the fetch takes the schedule's execution for a day: fetching that day again downloads the
   * same execution, never a restated one.
   */
  @Override
  public Optional<String> restatementRefusal() {
    return Optional.of(
        "The Trade Desk's MyReports schedule runs once a day and a day fetched again is the same"
            + " execution, so a restatement window brings no restated figures: set restatement_days"
            + " to 0 for ttd");
  }

  @Override
  public AccessToken fetchToken(Credentials credentials) {
    return new EnvironmentToken(credentials.secret());
  }

  @Override
  public Optional<ReportFetcher> reports() {
    return Optional.of(new TtdReportFetch());
  }

  @Override
  public Optional<SetupFetch> setup() {
    return Optional.of(new SetupFetch(new TtdAdGroupsFetch(), Source.TTD));
  }

  @Override
  public Optional<Writeback> writeback() {
    return Optional.of(TtdAdGroups::new);
  }

  @Override
  public List<PinnedVersion> versions(URI baseUrl, String setting) {
    return List.of(TtdApi.VERSIONS.pinIn(baseUrl, setting));
  }
}

package io.adlake.platforms.fetch;

import io.adlake.model.Source;
import io.adlake.model.config.ConnectorSettings.OrgAccount;
import io.adlake.platforms.http.AccessToken;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One org's fetch from one platform: the source it lands as, its account, the report days (first to
 * last; a snapshot's date twice), the API root, the calls carrying its credentials, how to wait for
 * a report, where to land the files, and a private scratch folder for downloads.
 */
public record OrgFetch(
    Source source,
    String org,
    OrgAccount account,
    LocalDate first,
    LocalDate last,
    URI base,
    ApiCalls calls,
    AccessToken token,
    ReportPoll poll,
    Landing landing,
    Path scratch) {

  /** Lands a downloaded report day as {@code <source>-<day>.<ext>}. */
  public void land(LocalDate day, String extension, Path file, ReportShape shape) {
    landing.land(source.id(), day, extension, file, shape);
  }

  /** Lands one of several files of the day (a setup snapshot's) as {@code <stem>-<day>.<ext>}. */
  public void land(String stem, LocalDate day, String extension, Path file, ReportShape shape) {
    landing.land(stem, day, extension, file, shape);
  }

  /** The org's account id, or a failure naming the setting that is missing. */
  public String requireAccount(String what) {
    if (account.account() == null) {
      throw new IllegalStateException(
          "conf/connectors.yaml: orgs." + org + " names no account (" + what + ")");
    }
    return account.account();
  }
}

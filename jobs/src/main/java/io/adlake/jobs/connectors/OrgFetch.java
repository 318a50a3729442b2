package io.adlake.jobs.connectors;

import io.adlake.model.Source;
import io.adlake.model.config.ConnectorSettings.OrgAccount;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * One org's fetch of one source: its account, the report days (first to last), the API root, the calls carrying
 * its credentials, how to wait for a report, where to land the files (and what each landing did, kept as it
 * happens so a failure later still reports the days landed before it), and a private scratch folder for downloads.
 */
record OrgFetch(
    Source source, String org, OrgAccount account, LocalDate first, LocalDate last, URI base, ApiCalls calls, AccessToken token, ReportPoll poll,
    LandingDrop drop, Map<LocalDate, LandingDrop.Result> landed, Path scratch) {

  /** Lands a downloaded report day and records what that did. */
  void land(LocalDate day, String extension, Path file, ReportShape shape) {
    landed.put(day, drop.drop(org, source, day, extension, file, shape));
  }

  /** The org's account id, or a failure naming the setting that is missing. */
  String requireAccount(String what) {
    if (account.account() == null) {
      throw new IllegalStateException("conf/connectors.yaml: orgs." + org + " names no account (" + what + ")");
    }
    return account.account();
  }
}

package io.adlake.jobs.connectors;

import io.adlake.model.config.ConnectorSettings.OrgAccount;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One org's fetch of one source: its account, the report days (first to last), the API root, the calls carrying
 * its credentials, how to wait for a report, where to drop the files, and a private scratch folder for downloads.
 */
record OrgFetch(
    String org, OrgAccount account, LocalDate first, LocalDate last, URI base, ApiCalls calls, AccessToken token, ReportPoll poll,
    LandingDrop drop, Path scratch) {

  /** The org's account id, or a failure naming the setting that is missing. */
  String requireAccount(String what) {
    if (account.account() == null) {
      throw new IllegalStateException("conf/connectors.yaml: orgs." + org + " names no account (" + what + ")");
    }
    return account.account();
  }
}

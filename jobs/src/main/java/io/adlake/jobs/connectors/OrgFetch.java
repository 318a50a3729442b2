package io.adlake.jobs.connectors;

import io.adlake.model.Source;
import io.adlake.model.config.ConnectorSettings.OrgAccount;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * One org's fetch from one platform: the source it lands as, its account, the report days (first to last; a
 * snapshot's date twice), the API root, the calls carrying its credentials, how to wait for a report, where to land
 * the files (and what each landing did, kept by file name as it happens so a failure later still reports the files
 * landed before it), and a private scratch folder for downloads.
 */
record OrgFetch(
    Source source, String org, OrgAccount account, LocalDate first, LocalDate last, URI base, ApiCalls calls, AccessToken token, ReportPoll poll,
    LandingDrop drop, Map<String, LandingDrop.Result> landed, Path scratch) {

  /** Lands a downloaded report day as {@code <source>-<day>.<ext>} and records what that did. */
  void land(LocalDate day, String extension, Path file, ReportShape shape) {
    land(source.id(), day, extension, file, shape);
  }

  /** Lands one of several files of the day (a setup snapshot's) as {@code <stem>-<day>.<ext>}. */
  void land(String stem, LocalDate day, String extension, Path file, ReportShape shape) {
    landed.put(LandingDrop.name(stem, day, extension), drop.drop(org, source, stem, day, extension, file, shape));
  }

  /** The org's account id, or a failure naming the setting that is missing. */
  String requireAccount(String what) {
    if (account.account() == null) {
      throw new IllegalStateException("conf/connectors.yaml: orgs." + org + " names no account (" + what + ")");
    }
    return account.account();
  }
}

package io.adlake.jobs.run;

import io.adlake.catalog.Lakehouse;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import io.adlake.model.config.MartSettingsLoader;
import io.adlake.model.config.QualitySettingsLoader;
import io.adlake.model.org.OrgRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's id names what it computes from: its dates, the bronze tables' snapshots (what was
 * ingested) and the configuration the marts and gates read. The same date with the same inputs is
 * the same run, so a rerun finds its earlier attempts in the ledger; a restatement or a changed
 * threshold is a new run. The id is also the branch name, valid for Iceberg and Nessie alike.
 */
public final class RunId {
  private RunId() {}

  static final List<String> CONF_FILES =
      List.of(OrgRegistry.FILE, MartSettingsLoader.FILE, QualitySettingsLoader.FILE);

  /**
   * @param retryFrom the held orgs whose earlier deliveries the run reads again: another window is
   *     another run
   */
  public static String of(
      RunRequest request, Map<String, LocalDate> retryFrom, Lakehouse main, Path confDir) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    update(
        sha,
        request.firstDelivery()
            + "|"
            + request.lastDelivery()
            + "|"
            + request.asOf()
            + "|"
            + request.rebuildDays());
    // Only when given, so that the ids of every-org runs without holds stay what they were.
    if (!request.orgs().isAll()) {
      update(sha, "|orgs=" + String.join(",", request.orgs().named()));
    }
    if (!retryFrom.isEmpty()) {
      update(sha, "|retry=" + new TreeMap<>(retryFrom));
    }
    for (TableSpec table : Tables.ALL) {
      if (table.namespace().equals("bronze")) {
        update(sha, "|" + table.path() + "=" + main.snapshotId(table, "main"));
      }
    }
    for (String name : CONF_FILES) {
      Path file = confDir.resolve(name);
      try {
        update(sha, "|" + name + "=");
        if (Files.isRegularFile(file)) {
          sha.update(Files.readAllBytes(file));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return "run-"
        + request.lastDelivery()
        + "-"
        + HexFormat.of().formatHex(sha.digest()).substring(0, 10);
  }

  private static void update(MessageDigest sha, String text) {
    sha.update(text.getBytes(StandardCharsets.UTF_8));
  }
}

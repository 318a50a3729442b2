package io.adlake.jobs.ingest;

import io.adlake.catalog.landing.LandingScan;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The result of one ingest: every file's outcome, the files that could not be placed, a sample of
 * quarantine reasons, and whether the row counts written to the tables match the rows read.
 */
public record IngestReport(
    String batchId,
    List<FileOutcome> files,
    List<LandingScan.Rejected> unplaced,
    List<String> quarantineSamples,
    List<String> reconciliationErrors) {

  public IngestReport {
    files = List.copyOf(files);
    unplaced = List.copyOf(unplaced);
    quarantineSamples = List.copyOf(quarantineSamples);
    reconciliationErrors = List.copyOf(reconciliationErrors);
  }

  public long rowsRead() {
    return files.stream().mapToLong(FileOutcome::rowsRead).sum();
  }

  public long rowsAccepted() {
    return files.stream().mapToLong(FileOutcome::rowsAccepted).sum();
  }

  public long rowsQuarantined() {
    return files.stream().mapToLong(FileOutcome::rowsQuarantined).sum();
  }

  public long count(SliceAction action) {
    return files.stream().filter(f -> f.action() == action).count();
  }

  /**
   * Files that were delivered but not ingested: outside the landing layout, unknown org, source not
   * enabled.
   */
  public long rejectedFiles() {
    return unplaced.size() + count(SliceAction.REJECTED);
  }

  public boolean reconciles() {
    return reconciliationErrors.isEmpty() && rowsRead() == rowsAccepted() + rowsQuarantined();
  }

  public void print(PrintStream out) {
    out.printf(Locale.ROOT, "%nIngest %s%n", batchId);
    out.printf(
        Locale.ROOT,
        "%-44s %-26s %-17s %8s %9s %12s %7s%n",
        "slice",
        "format",
        "action",
        "read",
        "accepted",
        "quarantined",
        "footer");
    for (FileOutcome f : files) {
      out.printf(
          Locale.ROOT,
          "%-44s %-26s %-17s %8d %9d %12d %7d%n",
          f.slice() + "/" + shortName(f.file().uri()),
          f.format() == null ? "-" : f.format(),
          f.action().code(),
          f.rowsRead(),
          f.rowsAccepted(),
          f.rowsQuarantined(),
          f.footerLines());
      if (f.reason() != null) {
        out.printf(
            Locale.ROOT,
            "    %s: %s%n",
            f.action() == SliceAction.REJECTED ? "rejected" : "not written",
            f.reason());
      }
    }
    for (LandingScan.Rejected r : unplaced) {
      out.printf(Locale.ROOT, "not ingested: %s: %s%n", r.uri(), r.reason());
    }
    out.printf(
        Locale.ROOT,
        "files: %d new, %d restated, %d skipped as already ingested, %d rejected, %d left to another ingest writing them%n",
        count(SliceAction.NEW),
        count(SliceAction.RESTATEMENT),
        count(SliceAction.SKIPPED_DUPLICATE),
        rejectedFiles(),
        count(SliceAction.CLAIMED_ELSEWHERE));
    out.printf(
        Locale.ROOT,
        "rows read %d = accepted %d + quarantined %d  [%s]%n",
        rowsRead(),
        rowsAccepted(),
        rowsQuarantined(),
        reconciles() ? "reconciled" : "MISMATCH");
    reconciliationErrors.forEach(e -> out.println("reconciliation error: " + e));
    if (!quarantineSamples.isEmpty()) {
      out.println(
          "quarantined (first " + quarantineSamples.size() + "; all in bronze.quarantine):");
      quarantineSamples.forEach(s -> out.println("  " + s));
    }
  }

  static String shortName(String uri) {
    return uri.substring(uri.lastIndexOf('/') + 1);
  }
}

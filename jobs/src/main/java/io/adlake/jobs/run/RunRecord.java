package io.adlake.jobs.run;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One attempt of a pipeline run, as {@code ops.job_runs} keeps it.
 *
 * @param status            {@link RunStatus} name
 * @param rowsWritten       rows each table the run wrote holds in the replaced slices
 * @param stagedSnapshots   each table's snapshot on the run's branch
 * @param publishedSnapshots each table's snapshot on main after the publish (empty when nothing was published)
 */
public record RunRecord(
    String runId,
    int attempt,
    String command,
    LocalDate firstDate,
    LocalDate lastDate,
    LocalDate asOfDate,
    List<String> orgs,
    String catalog,
    String branch,
    String status,
    Instant startedAt,
    Instant finishedAt,
    long rowsRead,
    long rowsAccepted,
    long rowsQuarantined,
    Map<String, Long> rowsWritten,
    Map<String, Long> stagedSnapshots,
    Map<String, Long> publishedSnapshots,
    String silverGate,
    String goldGate,
    String message) {

  public RunRecord {
    orgs = List.copyOf(orgs);
    rowsWritten = Map.copyOf(rowsWritten);
    stagedSnapshots = Map.copyOf(stagedSnapshots);
    publishedSnapshots = Map.copyOf(publishedSnapshots);
  }

  public long durationMs() {
    return finishedAt.toEpochMilli() - startedAt.toEpochMilli();
  }
}

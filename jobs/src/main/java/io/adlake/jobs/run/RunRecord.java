package io.adlake.jobs.run;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One step of an attempt of a pipeline run, as {@code ops.job_runs} keeps it. Each row carries the
 * attempt's state so far (gates, snapshots, rows), so the newest row of an attempt is all there is
 * to know about it.
 *
 * @param command how the step was invoked: {@code run} (all steps in one process) or {@code run
 *     --step S}
 * @param step the {@link RunStep} this row records
 * @param orgs the orgs the run processes (every registered org unless {@code --org} chose some)
 * @param heldOrgs the orgs a gate of the attempt held so far: their rows on the branch are main's
 *     again
 * @param status {@link RunStatus} code after the step
 * @param startedAt when the step began (the attempt began at its first row's)
 * @param rowsWritten rows each table the run wrote holds in the replaced slices
 * @param stagedSnapshots each table's snapshot on the run's branch
 * @param publishedSnapshots each table's snapshot on main after the publish (empty when nothing was
 *     published)
 */
public record RunRecord(
    String runId,
    int attempt,
    String command,
    String step,
    LocalDate firstDate,
    LocalDate lastDate,
    LocalDate asOfDate,
    List<String> orgs,
    List<String> heldOrgs,
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
    heldOrgs = List.copyOf(heldOrgs);
    rowsWritten = Map.copyOf(rowsWritten);
    stagedSnapshots = Map.copyOf(stagedSnapshots);
    publishedSnapshots = Map.copyOf(publishedSnapshots);
  }

  /** The same row, saying something else. */
  public RunRecord withMessage(String text) {
    return new RunRecord(
        runId,
        attempt,
        command,
        step,
        firstDate,
        lastDate,
        asOfDate,
        orgs,
        heldOrgs,
        catalog,
        branch,
        status,
        startedAt,
        finishedAt,
        rowsRead,
        rowsAccepted,
        rowsQuarantined,
        rowsWritten,
        stagedSnapshots,
        publishedSnapshots,
        silverGate,
        goldGate,
        text);
  }

  public long durationMs() {
    return finishedAt.toEpochMilli() - startedAt.toEpochMilli();
  }
}

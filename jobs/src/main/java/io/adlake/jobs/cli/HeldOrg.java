package io.adlake.jobs.cli;

import java.time.LocalDate;

/**
 * An org a run held, as {@code adlake quality report} prints it: one row of ops.org_holds.
 *
 * @param releasedBy the later run that published the org over these deliveries; null while it is
 *     still held
 */
record HeldOrg(
    String orgId,
    String layer,
    LocalDate firstDate,
    LocalDate lastDate,
    String releasedBy,
    String reason) {

  /**
   * No run has published the org since; its next run reads these deliveries again (OrgHolds.open).
   */
  boolean stillHeld() {
    return releasedBy == null;
  }
}

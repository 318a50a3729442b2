package io.adlake.quality;

/**
 * What one gate constraint found. Immutable; one row of {@code ops.quality_results}.
 *
 * @param orgId the org whose rows the constraint judged (anomaly checks, and column checks
 *     attributed to the orgs whose rows failed them); {@code *} for a constraint over the whole
 *     table
 * @param check the configured check, e.g. {@code non_negative(impressions,clicks)}
 * @param constraint the constraint Deequ evaluated, e.g. {@code
 *     ComplianceConstraint(Compliance(impressions is non-negative,...))}
 * @param level {@code error} or {@code warning}
 * @param status {@code success}, {@code failure} or {@code skipped} (nothing to judge: no rows, no
 *     history)
 * @param metricValue what the constraint measured (a completeness ratio, a row count); null when
 *     nothing was
 */
public record ConstraintOutcome(
    String table,
    String orgId,
    String check,
    String constraint,
    String level,
    String status,
    String message,
    Double metricValue) {

  public static final String ALL_ORGS = "*";

  public boolean failed() {
    return status.equals("failure");
  }

  /** An error-level failure of the whole table: nothing of the run may be published. */
  public boolean blocksPublish() {
    return failed() && level.equals("error") && orgId.equals(ALL_ORGS);
  }

  /** An error-level failure of one org's rows: that org is held, the others publish. */
  public boolean holdsOrg() {
    return failed() && level.equals("error") && !orgId.equals(ALL_ORGS);
  }
}

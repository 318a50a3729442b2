package io.adlake.jobs.cli;

/** Exit codes of every adlake command. Airflow and scripts tell outcomes apart by these. */
public final class ExitCodes {
  private ExitCodes() {}

  /** Done; quarantined rows do not change this, they are reported and kept. */
  public static final int OK = 0;

  /** A bug or an unexpected failure (catalog unreachable, disk full): retrying may help. */
  public static final int SOFTWARE = 1;

  /** The command line is wrong; {@code --help} says how it should be. */
  public static final int USAGE = 2;

  /** conf/ is missing or invalid (unknown profile, bad org entry). */
  public static final int CONFIG = 3;

  /** The input named on the command line is missing or unusable (no such path, nothing to do). */
  public static final int INPUT = 4;

  /**
   * The run finished, but some delivered files were not ingested (unknown org, source not enabled,
   * bad path).
   */
  public static final int FILES_REJECTED = 5;

  /** Rows written do not match rows read: the run's output must not be trusted. */
  public static final int RECONCILIATION_FAILED = 6;

  /**
   * A quality gate failed at error level: nothing was published, the run's branch is kept for
   * inspection.
   */
  public static final int GATE_FAILED = 7;

  /**
   * Main changed under a table the run wrote: nothing (or, on the embedded catalog, not everything)
   * was published; rerun the date.
   */
  public static final int PUBLISH_CONFLICT = 8;

  /**
   * A digest could not be delivered to a channel after its retries; the alerts stay untold and go
   * out next run.
   */
  public static final int NOT_DELIVERED = 9;

  /**
   * Published, but some orgs were held: their rows failed an error-level check, so main keeps their
   * last published rows (ops.org_holds says why); every other org is published. Not a failure to
   * retry.
   */
  public static final int ORGS_HELD = 12;

  /**
   * Refused by the rules: a write-back decision (approving one's own change above the threshold, or
   * a decided action), or a statement that would change tables through a read-only command ({@code
   * adlake sql}).
   */
  public static final int NOT_ALLOWED = 10;

  /**
   * Some approved write-back actions failed on their platform or could not be attempted (no token);
   * they are tried again next execute.
   */
  public static final int NOT_EXECUTED = 11;

  /**
   * fetch: a platform refused an org's credentials (expired, revoked, not allowed) or they are not
   * set: a person must renew them, so Airflow does not retry. The other orgs were fetched.
   */
  public static final int CREDENTIALS_REFUSED = 13;

  /**
   * fetch: some orgs' reports could not be had (the platform failed, a report never finished, a
   * download was cut, an empty report for a day with delivery): a later try may work. The other
   * orgs were fetched.
   */
  public static final int NOT_FETCHED = 14;

  /**
   * fetch: a platform refused the request itself (an API version it switched off, or one past its
   * sunset in adlake's version calendar; a field or value it does not define): the message names
   * what to change; retrying cannot help, so Airflow does not. The other orgs were fetched.
   */
  public static final int REQUEST_REFUSED = 15;

  static final String DESCRIPTION =
      "%nExit codes:%n"
          + "  0  done (quarantined rows are reported, not a failure)%n"
          + "  1  unexpected failure%n"
          + "  2  wrong command line%n"
          + "  3  configuration missing or invalid%n"
          + "  4  input missing or unusable%n"
          + "  5  done, but some files were not ingested (see the report)%n"
          + "  6  rows written do not reconcile with rows read%n"
          + "  7  a quality gate failed: nothing published (adlake quality report --run R)%n"
          + "  8  main moved during the run: not published; rerun the date%n"
          + "  9  a notification could not be delivered (it is sent again next run)%n"
          + " 10  refused: a write-back decision the rules forbid, or a change through read-only adlake sql%n"
          + " 11  write-back: some approved actions failed or could not be attempted (see the report)%n"
          + " 12  published, but some orgs were held by a gate: main keeps their last rows (see ops.org_holds)%n"
          + " 13  fetch: an org's credentials were refused or are not set; renew them (the other orgs were fetched)%n"
          + " 14  fetch: some orgs' reports could not be fetched; a later try may work (the other orgs were fetched)%n"
          + " 15  fetch: a platform refused the request (API version switched off or past its sunset, an unknown field); change what the message names%n";
}

package io.adlake.jobs.run;

import io.adlake.model.org.OrgScope;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a pipeline run covers.
 *
 * @param firstDelivery first delivery date ingested and built into silver
 * @param lastDelivery last delivery date (the Airflow logical date of a daily run)
 * @param asOf gold's as-of date; reports run a day behind their delivery, so by default the day
 *     before the last delivery
 * @param rebuildDays report days before the as-of date that gold rebuilds (the restatement window)
 * @param force run again even if the same run was published already
 * @param orgs the orgs the run processes: every registered org, or those {@code --org} names. Other
 *     orgs' rows are left as they are.
 */
public record RunRequest(
    LocalDate firstDelivery,
    LocalDate lastDelivery,
    LocalDate asOf,
    int rebuildDays,
    boolean force,
    OrgScope orgs) {

  public RunRequest(
      LocalDate firstDelivery,
      LocalDate lastDelivery,
      LocalDate asOf,
      int rebuildDays,
      boolean force) {
    this(firstDelivery, lastDelivery, asOf, rebuildDays, force, OrgScope.all());
  }

  public RunRequest {
    Objects.requireNonNull(orgs, "orgs");
    if (lastDelivery.isBefore(firstDelivery)) {
      throw new IllegalArgumentException(
          "the last delivery date " + lastDelivery + " is before the first " + firstDelivery);
    }
    if (rebuildDays < 0 || rebuildDays > 400) {
      throw new IllegalArgumentException(
          "rebuild days must be between 0 and 400, was " + rebuildDays);
    }
  }

  /** The same run for these orgs only. */
  public RunRequest forOrgs(OrgScope only) {
    return new RunRequest(firstDelivery, lastDelivery, asOf, rebuildDays, force, only);
  }

  public static RunRequest daily(LocalDate delivery) {
    return new RunRequest(delivery, delivery, delivery.minusDays(1), 7, false);
  }
}

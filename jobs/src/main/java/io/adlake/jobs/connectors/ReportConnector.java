package io.adlake.jobs.connectors;

import io.adlake.model.Source;
import java.util.Map;
import java.time.LocalDate;

/** One platform's reporting flow: ask for an org's report of some days, wait for it, download it, drop each day. */
interface ReportConnector {

  Source source();

  /**
   * Fetches each report day of the request and drops it into the landing zone.
   *
   * @return per report day dropped, what the drop did
   * @throws FetchException naming the org, source and days when the report cannot be had; days dropped before it
   *                        are whole files and stay
   */
  Map<LocalDate, LandingDrop.Result> fetch(OrgFetch fetch);
}

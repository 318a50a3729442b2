package io.adlake.jobs.connectors;

import io.adlake.model.Source;

/** One platform's reporting flow: ask for an org's report of some days, wait for it, download it, land each day. */
interface ReportConnector {

  Source source();

  /**
   * Fetches each report day of the request and lands it ({@link OrgFetch#land}).
   *
   * @throws FetchException naming the org, source and days when the report cannot be had; days landed before it
   *                        are whole files and stay
   */
  void fetch(OrgFetch fetch);
}

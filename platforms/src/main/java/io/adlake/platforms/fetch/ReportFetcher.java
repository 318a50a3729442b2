package io.adlake.platforms.fetch;

/**
 * One platform's flow: ask for an org's report of some days (or its setup as it stands), wait for
 * it, download it, land each file.
 */
public interface ReportFetcher {

  /**
   * Fetches what the request asks for and lands each file ({@link OrgFetch#land}).
   *
   * @throws FetchException naming the org, source and days when the report cannot be had; files
   *     landed before it are whole and stay
   */
  void fetch(OrgFetch fetch);
}

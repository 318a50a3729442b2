package io.adlake.platforms.salesforce;

import io.adlake.platforms.versions.ApiVersions;
import java.util.List;
import java.util.Map;

/**
 * What adlake relies on of Salesforce's REST API for bookings, in one place: the Bulk API 2.0 query
 * job (developers.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/queries.htm: create a
 * job, poll {@code state}, read {@code /results} pages with the {@code Sforce-Locator} header) and
 * the OAuth 2.0 JWT bearer flow (help.salesforce.com "OAuth 2.0 JWT Bearer Flow for
 * Server-to-Server Integration").
 */
public final class SalesforceApi {
  private SalesforceApi() {}

  /** The REST API version in every path ({@code /services/data/v62.0/jobs/query}). */
  public static final String VERSION = "v62.0";

  /**
   * REST API versions adlake knows: 62.0 (Winter '25) has no retirement announced; Salesforce
   * retired 21.0 to 30.0 in Summer '25 and retires 31.0 to 40.0 in Summer '28 (help.salesforce.com
   * knowledge article 000354473).
   */
  public static final ApiVersions VERSIONS =
      new ApiVersions(
          "Salesforce REST API",
          null,
          Map.of(VERSION, ApiVersions.noneAnnounced()),
          "help.salesforce.com knowledge article 000354473");

  /**
   * Job states: the job is done; or it will never be (Failed has an errorMessage). UploadComplete
   * and InProgress mean wait.
   */
  public static final String JOB_COMPLETE = "JobComplete";

  public static final List<String> JOB_ENDED_BADLY = List.of("Failed", "Aborted");

  /** The locator header's value on the last page: the text "null". */
  public static final String LAST_PAGE = "null";

  /** The error code of a session (access token) that expired or was revoked, with HTTP 401. */
  public static final String INVALID_SESSION = "INVALID_SESSION_ID";

  /**
   * The SOQL of the bookings export: the fields {@code bronze.bookings} reads, by the names Bulk
   * API 2.0 writes as CSV headers (a relationship field as {@code Opportunity.Account.Name}). The
   * custom fields are the pilot orgs' opportunity product fields; an org with other names maps them
   * in Salesforce, not here.
   */
  public static final String BOOKINGS_SOQL =
      "SELECT Id, OpportunityId, Opportunity.Name, Opportunity.Account.Name, Platform__c, Platform_Entity_Id__c, Flight_Start__c,"
          + " Flight_End__c, Booked_Budget__c, Sold_Rate__c, Buy_Type__c, CurrencyIsoCode FROM OpportunityLineItem"
          + " WHERE Opportunity.IsWon = true";
}

package io.adlake.platforms.salesforce;

import java.util.List;

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

package io.adlake.platforms.gam;

import io.adlake.platforms.http.RetrySignals;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google Ad Manager's SOAP signals: every error is a SOAP fault on HTTP 500 whose faultstring names
 * the error, e.g. {@code [AuthenticationError.NETWORK_API_ACCESS_DISABLED @ ]} (developers.google.
 * com/ad-manager/api/reference/v202605/ReportService.ApiException). Final, so not retried:
 *
 * <ul>
 *   <li>an AuthenticationError refuses the credentials, except CONNECTION_ERROR, Google's own
 *       failure to reach its authentication service;
 *   <li>ApiVersionError.UPDATE_TO_NEWER_VERSION: the version in the URL is switched off;
 *   <li>a {@code soap:Client} fault ("Unmarshalling Error"): the request holds a value the
 *       version's schema does not define, such as a Dimension it lacks;
 *   <li>a ReportError saying the query itself is wrong (INVALID_DIMENSIONS, INVALID_COLUMNS, ...).
 * </ul>
 *
 * QuotaError and every other fault fall back to HTTP's signals (a 500 is retried).
 */
public final class GamRetrySignals implements RetrySignals {
  private static final Pattern AUTHENTICATION = Pattern.compile("AuthenticationError\\.([A-Z_]+)");
  private static final Pattern VERSION = Pattern.compile("ApiVersionError\\.([A-Z_]+)");
  private static final Pattern CLIENT_FAULT =
      Pattern.compile("<faultcode>[^<]*Client</faultcode>|Unmarshalling Error");

  /**
   * ReportError reasons that refuse the query as written
   * (developers.google.com/ad-manager/api/reference/v202605/ReportService.ReportError.Reason).
   */
  static final List<String> QUERY_REFUSED_REASONS =
      List.of(
          "INVALID_DIMENSIONS",
          "INVALID_ATTRIBUTES",
          "INVALID_COLUMNS",
          "INVALID_DATE",
          "END_DATE_TIME_NOT_AFTER_START_TIME",
          "START_DATE_MORE_THAN_THREE_YEARS_AGO",
          "COLUMNS_NOT_SUPPORTED_FOR_REQUESTED_DIMENSIONS",
          "AD_UNIT_VIEW_NOT_SUPPORTED_FOR_REQUESTED_REPORT",
          "REPORT_ACCESS_NOT_ALLOWED");

  private static final Pattern QUERY_REFUSED =
      Pattern.compile("ReportError\\.(" + String.join("|", QUERY_REFUSED_REASONS) + ")\\b");

  @Override
  public Verdict judge(HttpResponse<String> response) {
    String body = response.body() == null ? "" : response.body();
    Matcher error = AUTHENTICATION.matcher(body);
    if (error.find() && !error.group(1).equals("CONNECTION_ERROR")) {
      return new Verdict(
          false,
          Optional.empty(),
          "Ad Manager AuthenticationError." + error.group(1) + ": the credentials are refused",
          true);
    }
    Matcher version = VERSION.matcher(body);
    if (version.find()) {
      return Verdict.refused(
          "Ad Manager ApiVersionError."
              + version.group(1)
              + ": this SOAP version is switched off; set conf/connectors.yaml sources.gam.base_url"
              + " to "
              + GamApi.VERSION);
    }
    Matcher query = QUERY_REFUSED.matcher(body);
    if (query.find()) {
      return Verdict.refused("Ad Manager ReportError." + query.group(1) + ": the query is refused");
    }
    if (CLIENT_FAULT.matcher(body).find()) {
      return Verdict.refused(
          "Ad Manager refused the request as the version's schema defines it (a soap:Client fault)");
    }
    return RetrySignals.HTTP.judge(response);
  }
}

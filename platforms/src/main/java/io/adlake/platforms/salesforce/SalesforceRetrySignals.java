package io.adlake.platforms.salesforce;

import io.adlake.platforms.http.RetrySignals;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * Salesforce's signals: HTTP's own, except that a 403 whose error code is {@code
 * REQUEST_LIMIT_EXCEEDED} is the org's API request limit over the last 24 hours, not refused
 * credentials (developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm; the
 * body is a JSON array of {@code {"errorCode": ..., "message": ...}}). Retrying within the call
 * cannot help, so it fails the attempt at once, as a failure a later run can get past (exit 14),
 * with the reason in the message.
 */
public final class SalesforceRetrySignals implements RetrySignals {

  @Override
  public Verdict judge(HttpResponse<String> response) {
    String body = response.body() == null ? "" : response.body();
    if (response.statusCode() == 403 && body.contains("\"REQUEST_LIMIT_EXCEEDED\"")) {
      return new Verdict(
          false,
          Optional.empty(),
          "Salesforce REQUEST_LIMIT_EXCEEDED: the org's API request limit for the last 24 hours is"
              + " used up; not a credentials problem, a later run fetches again",
          false,
          false);
    }
    return RetrySignals.HTTP.judge(response);
  }
}

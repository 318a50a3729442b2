package io.adlake.platforms.gam;

import io.adlake.platforms.http.RetrySignals;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google Ad Manager's SOAP signals: every error is a SOAP fault on HTTP 500 whose faultstring names
 * the error, e.g. {@code [AuthenticationError.NETWORK_API_ACCESS_DISABLED @ ]}. An
 * AuthenticationError (developers.google.com/
 * ad-manager/api/reference/v202508/ReportService.AuthenticationError.Reason) refuses the
 * credentials and is final, except CONNECTION_ERROR, Google's own failure to reach its
 * authentication service; QuotaError and every other fault fall back to HTTP's signals (a 500 is
 * retried).
 */
public final class GamRetrySignals implements RetrySignals {
  private static final Pattern AUTHENTICATION = Pattern.compile("AuthenticationError\\.([A-Z_]+)");

  @Override
  public Verdict judge(HttpResponse<String> response) {
    Matcher error = AUTHENTICATION.matcher(response.body() == null ? "" : response.body());
    if (error.find() && !error.group(1).equals("CONNECTION_ERROR")) {
      return new Verdict(
          false,
          Optional.empty(),
          "Ad Manager AuthenticationError." + error.group(1) + ": the credentials are refused",
          true);
    }
    return RetrySignals.HTTP.judge(response);
  }
}

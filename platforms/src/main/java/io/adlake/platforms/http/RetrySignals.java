package io.adlake.platforms.http;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** What an answer other than 2xx says about trying again, as one platform signals it. */
public interface RetrySignals {

  /**
   * @param retry whether another attempt can succeed
   * @param asked the wait the platform asks for; empty: the client's own backoff
   * @param explanation what the platform's signal means, for the message; null when the status says
   *     it all
   * @param credentialsRefused the platform refused who we are (expired, revoked or unauthorised
   *     credentials): a person must act, so callers report it apart from failures a later try can
   *     fix
   * @param requestRefused the platform refused the request itself (an API version it has switched
   *     off, a field or value it does not define, a malformed body): the same request fails
   *     tomorrow too, so callers report it as a change to make, not as a failure to retry
   */
  record Verdict(
      boolean retry,
      Optional<Duration> asked,
      String explanation,
      boolean credentialsRefused,
      boolean requestRefused) {
    public Verdict(
        boolean retry, Optional<Duration> asked, String explanation, boolean credentialsRefused) {
      this(retry, asked, explanation, credentialsRefused, false);
    }

    public Verdict(boolean retry, Optional<Duration> asked, String explanation) {
      this(retry, asked, explanation, false, false);
    }

    /** The platform refused the request as sent; {@code explanation} says what to change. */
    public static Verdict refused(String explanation) {
      return new Verdict(false, Optional.empty(), explanation, false, true);
    }
  }

  Verdict judge(HttpResponse<String> response);

  /**
   * HTTP's own signals (DV360, TTD and Salesforce use them): 429 and 5xx are retried, waiting what
   * Retry-After asks; 401 and 403 are credentials refused (RFC 9110: not authenticated, not
   * allowed); 400, 410 and 422 refuse the request itself (malformed, gone for good, not
   * processable).
   */
  RetrySignals HTTP =
      response -> {
        int status = response.statusCode();
        boolean retry = status == 429 || status >= 500;
        return new Verdict(
            retry,
            retry ? RetryAfter.of(response) : Optional.empty(),
            null,
            status == 401 || status == 403,
            status == 400 || status == 410 || status == 422);
      };
}

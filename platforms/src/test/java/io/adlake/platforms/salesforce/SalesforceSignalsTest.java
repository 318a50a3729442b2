package io.adlake.platforms.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.platforms.http.Answers;
import io.adlake.platforms.http.RetrySignals;
import org.junit.jupiter.api.Test;

/**
 * Salesforce's 403 says two things (REST API status and error codes): the org's request limit is
 * used up, or the session is not allowed. Only the second is about credentials.
 */
class SalesforceSignalsTest {

  @Test
  void theRequestLimitIsALimitNotRefusedCredentials() {
    RetrySignals.Verdict limit =
        new SalesforceRetrySignals()
            .judge(
                Answers.of(
                    403,
                    "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]"));
    assertThat(limit.credentialsRefused()).isFalse();
    assertThat(limit.requestRefused()).isFalse();
    assertThat(limit.retry()).isFalse();
    assertThat(limit.explanation()).contains("REQUEST_LIMIT_EXCEEDED", "not a credentials problem");

    RetrySignals.Verdict session =
        new SalesforceRetrySignals()
            .judge(
                Answers.of(
                    403,
                    "[{\"message\":\"The REST API is not enabled for this Organization.\",\"errorCode\":\"API_DISABLED_FOR_ORG\"}]"));
    assertThat(session.credentialsRefused()).isTrue();
  }
}

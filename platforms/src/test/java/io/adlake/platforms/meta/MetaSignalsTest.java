package io.adlake.platforms.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.platforms.http.Answers;
import io.adlake.platforms.http.RetrySignals;
import org.junit.jupiter.api.Test;

/**
 * Meta's code 2 is "temporary, retry", except with the Insights subcodes that say the request asks
 * for what cannot be had (Ads Insights API error codes: 1504041 invalid breakdowns, 1504042 invalid
 * custom metrics); 1504043 is the intermittent one.
 */
class MetaSignalsTest {

  private static RetrySignals.Verdict judge(int code, int subcode) {
    return new MetaRetrySignals()
        .judge(
            Answers.of(
                400,
                "{\"error\":{\"message\":\"An unknown error occurred\",\"type\":\"OAuthException\",\"code\":"
                    + code
                    + ",\"error_subcode\":"
                    + subcode
                    + ",\"is_transient\":true,\"fbtrace_id\":\"AbX\"}}"));
  }

  @Test
  void invalidBreakdownsOrCustomMetricsAreRefusedNotRetried() {
    for (int subcode : new int[] {1504041, 1504042}) {
      RetrySignals.Verdict verdict = judge(2, subcode);
      assertThat(verdict.retry()).as("subcode %s", subcode).isFalse();
      assertThat(verdict.requestRefused()).isTrue();
      assertThat(verdict.explanation()).contains(String.valueOf(subcode));
    }
  }

  @Test
  void theIntermittentCodeTwoIsRetried() {
    RetrySignals.Verdict verdict = judge(2, 1504043);
    assertThat(verdict.retry()).isTrue();
    assertThat(verdict.requestRefused()).isFalse();
  }

  @Test
  void anInvalidParameterIsRefusedAndAnExpiredTokenIsCredentials() {
    assertThat(judge(100, 1487851).requestRefused()).isTrue();
    assertThat(judge(190, 463).credentialsRefused()).isTrue();
  }
}

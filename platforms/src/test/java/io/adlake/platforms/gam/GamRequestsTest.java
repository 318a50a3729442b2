package io.adlake.platforms.gam;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.platforms.definitions.AdManagerSoapContract;
import io.adlake.platforms.http.Answers;
import io.adlake.platforms.http.RetrySignals;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The report query adlake sends, as Ad Manager's own definitions judge it, and how adlake reads Ad
 * Manager's answers to a request it refuses.
 */
class GamRequestsTest {

  private static String envelope(String version, String body) {
    return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns=\""
        + GamApi.namespace(version)
        + "\"><soapenv:Body><runReportJob>"
        + body
        + "</runReportJob></soapenv:Body></soapenv:Envelope>";
  }

  @Test
  void theReportQueryIsOneAdManagerTakesWithEveryAdUnitOnItsOwnRow() {
    String query = GamReportFetch.reportJob(LocalDate.parse("2026-11-03"));
    assertThat(AdManagerSoapContract.check(GamApi.VERSION, envelope(GamApi.VERSION, query)))
        .isEmpty();
    assertThat(query)
        .contains("<adUnitView>FLAT</adUnitView>")
        .contains("<dimensions>PROGRAMMATIC_BUYER_ID</dimensions>")
        .contains("<dateRangeType>CUSTOM_DATE</dateRangeType>")
        .doesNotContain("DEAL_BUYER");
  }

  @Test
  void aSwitchedOffVersionOrAValueOutsideTheSchemaIsRefusedNotRetried() {
    String query = GamReportFetch.reportJob(LocalDate.parse("2026-11-03"));
    String switchedOff = AdManagerSoapContract.check("v202508", envelope("v202508", query)).get();
    RetrySignals.Verdict version = new GamRetrySignals().judge(Answers.of(500, switchedOff));
    assertThat(version.retry()).isFalse();
    assertThat(version.requestRefused()).isTrue();
    assertThat(version.explanation())
        .contains("ApiVersionError.UPDATE_TO_NEWER_VERSION", "sources.gam.base_url");

    String renamed = query.replace("PROGRAMMATIC_BUYER_ID", "DEAL_BUYER_ID");
    String unknown =
        AdManagerSoapContract.check(GamApi.VERSION, envelope(GamApi.VERSION, renamed)).get();
    assertThat(unknown).contains("DEAL_BUYER_ID");
    RetrySignals.Verdict schema = new GamRetrySignals().judge(Answers.of(500, unknown));
    assertThat(schema.retry()).isFalse();
    assertThat(schema.requestRefused()).isTrue();
    assertThat(schema.credentialsRefused()).isFalse();
  }

  @Test
  void aQuotaFaultIsStillRetriedAndARefusedLoginIsStillCredentials() {
    RetrySignals.Verdict quota =
        new GamRetrySignals()
            .judge(
                Answers.of(
                    500,
                    "<soap:Fault><faultcode>soap:Server</faultcode><faultstring>[QuotaError.EXCEEDED_QUOTA @ ]</faultstring></soap:Fault>"));
    assertThat(quota.retry()).isTrue();
    assertThat(quota.requestRefused()).isFalse();
    RetrySignals.Verdict login =
        new GamRetrySignals()
            .judge(
                Answers.of(
                    500,
                    "<soap:Fault><faultcode>soap:Server</faultcode><faultstring>[AuthenticationError.NETWORK_API_ACCESS_DISABLED @ ]</faultstring></soap:Fault>"));
    assertThat(login.credentialsRefused()).isTrue();
    assertThat(login.requestRefused()).isFalse();
  }
}

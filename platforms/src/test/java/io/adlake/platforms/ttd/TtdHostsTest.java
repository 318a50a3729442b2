package io.adlake.platforms.ttd;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The TTD-Auth token goes to The Trade Desk's own hosts only, never to a host an answer named. */
class TtdHostsTest {
  private static final URI API = URI.create("https://api.thetradedesk.com/v3/");

  @Test
  void theTokenTravelsToTtdsOwnHostsOnly() {
    assertThat(TtdApi.ownHost(URI.create("https://api.thetradedesk.com/v3/myreports/x"), API))
        .isTrue();
    assertThat(TtdApi.ownHost(URI.create("https://reports.thetradedesk.com/d/1.csv"), API))
        .isTrue();
    assertThat(
            TtdApi.ownHost(
                URI.create("https://ttd-reports.s3.amazonaws.com/1.csv?X-Amz-Signature=a"), API))
        .isFalse();
    assertThat(TtdApi.ownHost(URI.create("https://api.thetradedesk.com.example.net/1.csv"), API))
        .isFalse();
    URI local = URI.create("http://127.0.0.1:8080/ttd/v3/");
    assertThat(TtdApi.ownHost(URI.create("http://127.0.0.1:8080/ttd-download/1"), local)).isTrue();
    assertThat(TtdApi.ownHost(URI.create("http://127.0.0.1:9999/ttd-download/1"), local)).isFalse();
  }
}

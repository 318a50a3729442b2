package io.adlake.jobs.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adlake.catalog.config.PlatformEndpoint;
import io.adlake.catalog.config.WritebackSettings;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The three adapters against {@link FakePlatforms}, a real HTTP server on 127.0.0.1 with each API's shapes. */
class PlatformAdaptersTest {
  private static final String TOKEN = FakePlatforms.TOKEN;

  private FakePlatforms platforms;
  private URI base;
  private Deque<Integer> failFirst;
  private List<String> requests;
  private List<Long> times;
  private Map<String, ObjectNode> entities;

  @BeforeEach
  void start() throws IOException {
    platforms = new FakePlatforms();
    platforms.dv360LineItem("42", "111", true, 1_500_000_000L, 50_000_000L);
    platforms.ttdAdGroup("ag1", true, "1000.0", "USD");
    platforms.metaAdSet("as1", true, 5000, 0);
    platforms.metaAdSet("as2", true, 5000, 0);
    base = platforms.base;
    failFirst = platforms.failFirst;
    requests = platforms.requests;
    times = platforms.times;
    entities = platforms.entities;
  }

  @AfterEach
  void stop() {
    platforms.close();
  }

  @Test
  void dv360PausesALineItemWithAMaskOnItsStatusOnly() {
    Dv360LineItems dv360 = new Dv360LineItems(base.resolve("dv360/v4/"), TOKEN, client("dv360", 3, Duration.ZERO));
    EntityRef item = new EntityRef("dv360", "line_item", "111", "42", "EUR");

    assertThat(dv360.read(item)).isEqualTo(new EntityState(true, new BigDecimal("1500.00"), new BigDecimal("50.00")));
    EntityState after = dv360.apply(item, new Change("pause", null));

    assertThat(after.active()).isFalse();
    assertThat(after.budget()).isEqualByComparingTo("1500");
    assertThat(requests).last().isEqualTo("PATCH /dv360/v4/advertisers/42/lineItems/111?updateMask=entityStatus Bearer secret-token-123 {\"entityStatus\":\"ENTITY_STATUS_PAUSED\"}");
    dv360.apply(item, new Change("set_daily_cap", new BigDecimal("75.5")));
    assertThat(requests).last().asString().contains("updateMask=pacing.dailyMaxMicros").endsWith("{\"pacing\":{\"dailyMaxMicros\":\"75500000\"}}");
    assertThat(entities.get("dv360/111").path("pacing").path("pacingPeriod").asText()).isEqualTo("PACING_PERIOD_DAILY"); // untouched
  }

  @Test
  void ttdChangesTheBudgetAsAMoneyObjectAndLeavesTheRest() {
    TtdAdGroups ttd = new TtdAdGroups(base.resolve("ttd/v3/"), TOKEN, client("ttd", 3, Duration.ZERO));
    EntityRef group = new EntityRef("ttd", "ad_group", "ag1", null, "USD");

    EntityState after = ttd.apply(group, new Change("set_budget", new BigDecimal("1250")));

    assertThat(after).isEqualTo(new EntityState(true, new BigDecimal("1250.00"), null));
    assertThat(requests).last().isEqualTo(
        "PUT /ttd/v3/adgroup TTD-Auth secret-token-123 {\"AdGroupId\":\"ag1\",\"RTBAttributes\":{\"BudgetSettings\":{\"Budget\":{\"Amount\":1250.00,\"CurrencyCode\":\"USD\"}}}}");
    assertThat(entities.get("ttd/ag1").path("RTBAttributes").path("BudgetSettings").path("PacingMode").asText()).isEqualTo("PaceEvenly");
    assertThat(ttd.apply(group, new Change("pause", null)).active()).isFalse();
  }

  @Test
  void metaCountsBudgetsInTheCurrencysMinorUnit() {
    MetaAdSets meta = new MetaAdSets(base.resolve("meta/v21.0/"), TOKEN, client("meta", 3, Duration.ZERO));

    EntityState euro = meta.apply(new EntityRef("meta", "ad_set", "as1", null, "EUR"), new Change("set_daily_cap", new BigDecimal("75")));
    assertThat(requests).anyMatch(r -> r.equals("POST /meta/v21.0/as1 Bearer secret-token-123 daily_budget=7500"));
    assertThat(euro.dailyCap()).isEqualByComparingTo("75");

    EntityState yen = meta.apply(new EntityRef("meta", "ad_set", "as2", null, "JPY"), new Change("set_daily_cap", new BigDecimal("8000")));
    assertThat(requests).anyMatch(r -> r.equals("POST /meta/v21.0/as2 Bearer secret-token-123 daily_budget=8000"));
    assertThat(yen.dailyCap()).isEqualByComparingTo("8000");
    assertThat(meta.read(new EntityRef("meta", "ad_set", "as2", null, "JPY")).budget()).as("lifetime budget 0 is none").isNull();
  }

  @Test
  void rateLimitsAndServerErrorsAreRetriedHonouringRetryAfter() {
    PlatformClient client = client("dv360", 4, Duration.ZERO);
    Dv360LineItems dv360 = new Dv360LineItems(base.resolve("dv360/v4/"), TOKEN, client);
    failFirst.addAll(List.of(429, 503));

    EntityState state = dv360.read(new EntityRef("dv360", "line_item", "111", "42", "EUR"));

    assertThat(state.active()).isTrue();
    assertThat(client.requests()).isEqualTo(3);
    assertThat((times.get(1) - times.get(0)) / 1_000_000).as("waited the Retry-After of 1 s").isGreaterThanOrEqualTo(1000);
  }

  @Test
  void retriesEndAndAClientErrorIsNotRetriedAndNoMessageCarriesTheToken() {
    PlatformClient client = client("ttd", 3, Duration.ZERO);
    TtdAdGroups ttd = new TtdAdGroups(base.resolve("ttd/v3/"), TOKEN, client);
    EntityRef group = new EntityRef("ttd", "ad_group", "ag1", null, "USD");
    failFirst.addAll(List.of(500, 502, 503));

    assertThatThrownBy(() -> ttd.read(group))
        .isInstanceOf(PlatformException.class)
        .hasMessageStartingWith("ttd read ttd ad_group ag1: HTTP 503")
        .hasMessageEndingWith("(gave up after 3 attempts)")
        .hasMessageNotContaining(TOKEN);
    assertThat(client.requests()).isEqualTo(3);

    failFirst.add(400);
    assertThatThrownBy(() -> ttd.apply(group, new Change("pause", null)))
        .isInstanceOf(PlatformException.class)
        .satisfies(e -> assertThat(((PlatformException) e).status()).isEqualTo(400))
        .hasMessageNotContaining(TOKEN);
    assertThat(client.requests()).isEqualTo(4);
    assertThat(entities.get("ttd/ag1").path("IsEnabled").asBoolean()).isTrue();
  }

  @Test
  void requestsAreSpacedByTheRateLimit() {
    PlatformClient client = client("meta", 1, Duration.ofMillis(200));
    MetaAdSets meta = new MetaAdSets(base.resolve("meta/v21.0/"), TOKEN, client);
    long start = System.nanoTime();
    for (int i = 0; i < 5; i++) {
      meta.read(new EntityRef("meta", "ad_set", "as1", null, "EUR"));
    }
    // the fifth request may not leave before four intervals have passed since the first
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(800);
    assertThat(client.requests()).isEqualTo(5);
  }

  @Test
  void aChangeAlreadyInPlaceIsRecognisedAndAnIdThatIsNoIdIsRefused() {
    assertThat(new Change("pause", null).satisfiedBy(new EntityState(false, null, null))).isTrue();
    assertThat(new Change("set_budget", new BigDecimal("100")).satisfiedBy(new EntityState(true, new BigDecimal("100.00"), null))).isTrue();
    assertThat(new Change("set_budget", new BigDecimal("100")).satisfiedBy(new EntityState(true, new BigDecimal("90"), null))).isFalse();
    assertThatThrownBy(() -> new EntityRef("dv360", "line_item", "../../advertisers", "42", null)).hasMessageContaining("is not a platform id");
    assertThatThrownBy(() -> new Change("set_budget", new BigDecimal("-5"))).hasMessageContaining("needs a positive amount");
  }

  @Test
  void eachOrgsTokenIsSentForThatOrgsEntitiesOnlyAndNeverShown() {
    platforms.dv360LineItem("77", "222", true, 900_000_000L, 0L);
    platforms.owners.put("dv360/111", "acme-partner-token");
    platforms.owners.put("dv360/222", "kiwi-partner-token");
    WritebackSettings settings =
        new WritebackSettings(
            Map.of("dv360", new PlatformEndpoint(base.resolve("dv360/v4/"), "ADLAKE_DV360_TOKEN", 1, 0L, 10L, 10L)), BigDecimal.TEN,
            Map.of(
                "acme", new WritebackSettings.OrgWritebackSettings(null, Map.of("dv360", "TOKEN_ACME")),
                "kiwi", new WritebackSettings.OrgWritebackSettings(null, Map.of("dv360", "TOKEN_KIWI")),
                "nova", new WritebackSettings.OrgWritebackSettings(null, Map.of("dv360", "TOKEN_NOVA"))));
    Map<String, String> env = Map.of("TOKEN_ACME", "acme-partner-token", "TOKEN_KIWI", "kiwi-partner-token", "ADLAKE_DV360_TOKEN", TOKEN);
    PlatformAdapters adapters = new PlatformAdapters(settings, env::get);
    EntityRef acmeItem = new EntityRef("dv360", "line_item", "111", "42", "EUR");
    EntityRef kiwiItem = new EntityRef("dv360", "line_item", "222", "77", "EUR");

    adapters.forOrg("acme", "dv360").apply(acmeItem, new Change("pause", null));
    adapters.forOrg("kiwi", "dv360").apply(kiwiItem, new Change("pause", null));

    assertThat(requests).filteredOn(r -> r.contains("/lineItems/111")).isNotEmpty().allSatisfy(r -> assertThat(r).contains(" Bearer acme-partner-token"));
    assertThat(requests).filteredOn(r -> r.contains("/lineItems/222")).isNotEmpty().allSatisfy(r -> assertThat(r).contains(" Bearer kiwi-partner-token"));
    // Kiwi's token asked for Acme's line item (a wrong entity id in an action) is refused by the platform, and no
    // message carries either token.
    assertThatThrownBy(() -> adapters.forOrg("kiwi", "dv360").read(acmeItem))
        .isInstanceOf(PlatformException.class)
        .hasMessageContaining("HTTP 403")
        .hasMessageNotContaining("kiwi-partner-token")
        .hasMessageNotContaining("acme-partner-token");
    assertThatThrownBy(() -> adapters.forOrg("nova", "dv360"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("$TOKEN_NOVA is not set: no dv360 token for org nova");
    assertThat(settings.tokenEnvFor("blue", "dv360")).as("an org without its own uses the shared variable").isEqualTo("ADLAKE_DV360_TOKEN");
  }

  private static PlatformClient client(String platform, int attempts, Duration minInterval) {
    return new PlatformClient(platform, new PlatformClient.Policy(attempts, Duration.ofMillis(20), Duration.ofMillis(100), minInterval));
  }

}

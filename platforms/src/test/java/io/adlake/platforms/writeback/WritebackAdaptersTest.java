package io.adlake.platforms.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adlake.platforms.FakePlatforms;
import io.adlake.platforms.dv360.Dv360LineItems;
import io.adlake.platforms.http.PlatformClient;
import io.adlake.platforms.http.PlatformException;
import io.adlake.platforms.http.RetrySignals;
import io.adlake.platforms.meta.MetaAdSets;
import io.adlake.platforms.meta.MetaRetrySignals;
import io.adlake.platforms.ttd.TtdAdGroups;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The three write-back adapters and the client under them against {@link FakePlatforms}, a real
 * HTTP server on 127.0.0.1 with each API's shapes. No Spark.
 */
class WritebackAdaptersTest {
  private static final String TOKEN = FakePlatforms.TOKEN;
  private static final String META = FakePlatforms.META_PATH.substring(1);
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);

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
    Dv360LineItems dv360 =
        new Dv360LineItems(base.resolve("dv360/v4/"), TOKEN, client("dv360", 3, Duration.ZERO));
    EntityRef item = new EntityRef("dv360", "line_item", "111", "42", "EUR");

    assertThat(dv360.read(item))
        .isEqualTo(
            new EntityState(
                true,
                new BigDecimal("1500.00"),
                new BigDecimal("50.00"),
                BudgetKind.MONEY,
                true,
                true));
    EntityState after = dv360.apply(item, new Change("pause", null));

    assertThat(after.active()).isFalse();
    assertThat(after.budget()).isEqualByComparingTo("1500");
    assertThat(platforms.changes())
        .last()
        .isEqualTo(
            "PATCH /dv360/v4/advertisers/42/lineItems/111?updateMask=entityStatus Bearer secret-token-123 {\"entityStatus\":\"ENTITY_STATUS_PAUSED\"}");
    dv360.apply(item, new Change("set_daily_cap", new BigDecimal("75.5")));
    assertThat(platforms.changes())
        .last()
        .asString()
        .contains("updateMask=pacing.dailyMaxMicros")
        .endsWith("{\"pacing\":{\"dailyMaxMicros\":\"75500000\"}}");
    assertThat(entities.get("dv360/111").path("pacing").path("pacingPeriod").asText())
        .isEqualTo("PACING_PERIOD_DAILY"); // untouched
  }

  @Test
  void dv360ReportsWhatDecidesWhetherAChangeCanWork() {
    Dv360LineItems dv360 =
        new Dv360LineItems(base.resolve("dv360/v4/"), TOKEN, client("dv360", 3, Duration.ZERO));
    EntityRef item = new EntityRef("dv360", "line_item", "111", "42", "EUR");
    // The line item is active, but its insertion order was paused: resuming it would serve nothing.
    entities.get("dv360/111").put("entityStatus", "ENTITY_STATUS_PAUSED");
    platforms.dv360InsertionOrder("42", "9111", "ENTITY_STATUS_PAUSED");
    EntityState underPausedIo = dv360.read(item);
    assertThat(underPausedIo.parentActive()).isFalse();
    assertThat(new Change("resume", null).refusal(underPausedIo))
        .contains("insertion order is not active");

    // An impression budget counts impressions: maxAmount 2,000,000 is not 2.00 EUR.
    ObjectNode budget = (ObjectNode) entities.get("dv360/111").get("budget");
    budget.put("budgetUnit", "BUDGET_UNIT_IMPRESSIONS").put("maxAmount", "2000000");
    EntityState impressions = dv360.read(item);
    assertThat(impressions.budgetKind()).isEqualTo(BudgetKind.IMPRESSIONS);
    assertThat(impressions.budget()).as("not money").isNull();
    assertThat(new Change("set_budget", new BigDecimal("500")).refusal(impressions))
        .startsWith("its budget counts impressions");

    budget
        .put("budgetUnit", "BUDGET_UNIT_CURRENCY")
        .put("budgetAllocationType", "LINE_ITEM_BUDGET_ALLOCATION_TYPE_AUTOMATIC");
    assertThat(new Change("set_budget", new BigDecimal("500")).refusal(dv360.read(item)))
        .contains("allocated automatically");

    // Flight pacing: dailyMaxMicros does nothing.
    ((ObjectNode) entities.get("dv360/111").get("pacing"))
        .put("pacingPeriod", "PACING_PERIOD_FLIGHT");
    EntityState flight = dv360.read(item);
    assertThat(flight.dailyCapApplies()).isFalse();
    assertThat(new Change("set_daily_cap", new BigDecimal("50")).refusal(flight))
        .contains("only with daily pacing");
    assertThat(platforms.changes()).as("reads only").isEmpty();
  }

  @Test
  void ttdSetsTheBudgetOnTheRunningCampaignFlightAndLeavesTheRest() {
    TtdAdGroups ttd =
        new TtdAdGroups(base.resolve("ttd/v3/"), TOKEN, client("ttd", 3, Duration.ZERO), CLOCK);
    EntityRef group = new EntityRef("ttd", "ad_group", "ag1", null, "USD");

    assertThat(ttd.read(group)).isEqualTo(new EntityState(true, new BigDecimal("1000.00"), null));
    EntityState after = ttd.apply(group, new Change("set_budget", new BigDecimal("1250")));

    assertThat(after).isEqualTo(new EntityState(true, new BigDecimal("1250.00"), null));
    assertThat(platforms.changes())
        .containsExactly(
            "PUT /ttd/v3/adgroup TTD-Auth secret-token-123 {\"AdGroupId\":\"ag1\",\"RTBAttributes\":{\"BudgetSettings\":{\"AdGroupFlights\":[{\"CampaignFlightId\":4250052,\"BudgetInAdvertiserCurrency\":1250.00}]}}}");
    assertThat(
            entities
                .get("ttd/ag1")
                .path("RTBAttributes")
                .path("BudgetSettings")
                .path("PacingMode")
                .asText())
        .isEqualTo("PaceEvenly");
    assertThat(ttd.apply(group, new Change("set_daily_cap", new BigDecimal("80"))).dailyCap())
        .isEqualByComparingTo("80");
    assertThat(platforms.changes())
        .last()
        .asString()
        .endsWith(
            "{\"CampaignFlightId\":4250052,\"BudgetInAdvertiserCurrency\":1250.00,\"DailyTargetInAdvertiserCurrency\":80.00}]}}}");
    assertThat(ttd.apply(group, new Change("pause", null)).active()).isFalse();
  }

  @Test
  void ttdAdGroupsOfAKokaiBudgetedCampaignHaveNoBudgetToSet() {
    TtdAdGroups ttd =
        new TtdAdGroups(base.resolve("ttd/v3/"), TOKEN, client("ttd", 3, Duration.ZERO), CLOCK);
    platforms.ttdCampaign("cag1", "Kokai", "USD");

    EntityState state = ttd.read(new EntityRef("ttd", "ad_group", "ag1", null, "USD"));

    assertThat(state.budgetKind()).isEqualTo(BudgetKind.CAMPAIGN);
    assertThat(new Change("set_budget", new BigDecimal("900")).refusal(state))
        .contains("its campaign allocates the budget");
    assertThat(new Change("set_daily_cap", new BigDecimal("90")).refusal(state)).isNotNull();
    assertThat(new Change("pause", null).refusal(state)).isNull();
  }

  @Test
  void metaCountsBudgetsInItsOwnOffsetPerCurrency() {
    MetaAdSets meta = new MetaAdSets(base.resolve(META), TOKEN, client("meta", 3, Duration.ZERO));
    platforms.metaAdSet("huf", true, 100_000, 0);
    platforms.metaAdSet("bhd", true, 0, 5000);

    // developers.facebook.com/docs/marketing-api/currencies: EUR offset 100, HUF 1, BHD 100 (not
    // ISO's 1000).
    meta.apply(
        new EntityRef("meta", "ad_set", "as1", null, "EUR"),
        new Change("set_daily_cap", new BigDecimal("10")));
    meta.apply(
        new EntityRef("meta", "ad_set", "huf", null, "HUF"),
        new Change("set_daily_cap", new BigDecimal("5000")));
    EntityState bhd =
        meta.apply(
            new EntityRef("meta", "ad_set", "bhd", null, "BHD"),
            new Change("set_budget", new BigDecimal("12.34")));
    assertThat(platforms.changes())
        .containsExactly(
            "POST " + FakePlatforms.META_PATH + "as1 Bearer secret-token-123 daily_budget=1000",
            "POST " + FakePlatforms.META_PATH + "huf Bearer secret-token-123 daily_budget=5000",
            "POST " + FakePlatforms.META_PATH + "bhd Bearer secret-token-123 lifetime_budget=1234");
    assertThat(bhd.budget()).isEqualByComparingTo("12.34");
    EntityState yen = meta.read(new EntityRef("meta", "ad_set", "as2", null, "JPY"));
    assertThat(yen.dailyCap()).isEqualByComparingTo("5000");
    // A daily-budget ad set ("lifetime_budget":"0") has no lifetime budget to set; both "0": the
    // campaign's budget.
    assertThat(new Change("set_budget", new BigDecimal("100")).refusal(yen))
        .contains("no budget of this kind");
    platforms.metaAdSet("cbo", true, 0, 0);
    assertThat(meta.read(new EntityRef("meta", "ad_set", "cbo", null, "EUR")).budgetKind())
        .isEqualTo(BudgetKind.CAMPAIGN);
  }

  @Test
  void rateLimitsAndServerErrorsAreRetriedHonouringRetryAfter() {
    PlatformClient client = client("dv360", 4, Duration.ZERO);
    Dv360LineItems dv360 = new Dv360LineItems(base.resolve("dv360/v4/"), TOKEN, client);
    failFirst.addAll(List.of(429, 503));

    EntityState state = dv360.read(new EntityRef("dv360", "line_item", "111", "42", "EUR"));

    assertThat(state.active()).isTrue();
    assertThat(client.requests())
        .as("the line item three times, then its insertion order")
        .isEqualTo(4);
    assertThat((times.get(1) - times.get(0)) / 1_000_000)
        .as("waited the Retry-After of 1 s")
        .isGreaterThanOrEqualTo(1000);
  }

  @Test
  void retriesEndAndAClientErrorIsNotRetriedAndNoMessageCarriesTheToken() {
    PlatformClient client = client("ttd", 3, Duration.ZERO);
    TtdAdGroups ttd = new TtdAdGroups(base.resolve("ttd/v3/"), TOKEN, client, CLOCK);
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
    MetaAdSets meta = new MetaAdSets(base.resolve(META), TOKEN, client);
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
    assertThat(
            new Change("set_budget", new BigDecimal("100"))
                .satisfiedBy(new EntityState(true, new BigDecimal("100.00"), null)))
        .isTrue();
    assertThat(
            new Change("set_budget", new BigDecimal("100"))
                .satisfiedBy(new EntityState(true, new BigDecimal("90"), null)))
        .isFalse();
    assertThatThrownBy(() -> new EntityRef("dv360", "line_item", "../../advertisers", "42", null))
        .hasMessageContaining("is not a platform id");
    assertThatThrownBy(() -> new Change("set_budget", new BigDecimal("-5")))
        .hasMessageContaining("needs a positive amount");
  }

  private static PlatformClient client(String platform, int attempts, Duration minInterval) {
    return new PlatformClient(
        platform,
        new PlatformClient.Policy(
            attempts, Duration.ofMillis(20), Duration.ofMillis(100), minInterval),
        platform.equals("meta") ? new MetaRetrySignals() : RetrySignals.HTTP);
  }
}

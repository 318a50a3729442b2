package io.adlake.jobs.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The three adapters against a real HTTP server on 127.0.0.1 that answers with the documented request and response
 * shapes of each API (DV360 v4 line items, TTD v3 ad groups, Meta Graph ad sets), keeps the entities' state, and
 * can be told to answer 429 (with Retry-After), 5xx or 400 first.
 */
class PlatformAdaptersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "secret-token-123";

  private HttpServer server;
  private URI base;
  private final Deque<Integer> failFirst = new ConcurrentLinkedDeque<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> times = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, ObjectNode> entities = new ConcurrentHashMap<>();

  @BeforeEach
  void start() throws IOException {
    entities.put("dv360/111", (ObjectNode) json("{\"advertiserId\":\"42\",\"lineItemId\":\"111\",\"entityStatus\":\"ENTITY_STATUS_ACTIVE\","
        + "\"budget\":{\"budgetUnit\":\"BUDGET_UNIT_CURRENCY\",\"maxAmount\":\"1500000000\"},\"pacing\":{\"pacingPeriod\":\"PACING_PERIOD_DAILY\",\"dailyMaxMicros\":\"50000000\"}}"));
    entities.put("ttd/ag1", (ObjectNode) json("{\"AdGroupId\":\"ag1\",\"AdGroupName\":\"Prospecting\",\"CampaignId\":\"c1\",\"IsEnabled\":true,"
        + "\"RTBAttributes\":{\"BudgetSettings\":{\"Budget\":{\"Amount\":1000.0,\"CurrencyCode\":\"USD\"},\"PacingMode\":\"PaceEvenly\"}}}"));
    entities.put("meta/as1", (ObjectNode) json("{\"id\":\"as1\",\"status\":\"ACTIVE\",\"daily_budget\":\"5000\",\"lifetime_budget\":\"0\"}"));
    entities.put("meta/as2", (ObjectNode) json("{\"id\":\"as2\",\"status\":\"ACTIVE\",\"daily_budget\":\"5000\",\"lifetime_budget\":\"0\"}"));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/dv360/v4/advertisers/", this::dv360);
    server.createContext("/ttd/v3/adgroup", this::ttd);
    server.createContext("/meta/v21.0/", this::meta);
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @AfterEach
  void stop() {
    server.stop(0);
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

  private static PlatformClient client(String platform, int attempts, Duration minInterval) {
    return new PlatformClient(platform, new PlatformClient.Policy(attempts, Duration.ofMillis(20), Duration.ofMillis(100), minInterval));
  }

  /** Records the request, answers a scripted failure if one is queued; otherwise true when the handler should go on. */
  private boolean record(HttpExchange ex, String auth) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    URI uri = ex.getRequestURI();
    requests.add(ex.getRequestMethod() + " " + uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery()) + " " + auth + (body.isEmpty() ? "" : " " + body));
    times.add(System.nanoTime());
    Integer fail = failFirst.poll();
    if (fail != null) {
      if (fail == 429) {
        ex.getResponseHeaders().add("Retry-After", "1");
      }
      answer(ex, fail, "{\"error\":{\"code\":" + fail + ",\"message\":\"scripted\"}}");
      return false;
    }
    return true;
  }

  private void dv360(HttpExchange ex) throws IOException {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    String[] path = ex.getRequestURI().getPath().split("/"); // /dv360/v4/advertisers/42/lineItems/111
    if (!record(ex, String.valueOf(auth))) {
      return;
    }
    ObjectNode item = entities.get("dv360/" + path[6]);
    if (!("Bearer " + TOKEN).equals(auth) || item == null || !item.path("advertiserId").asText().equals(path[4])) {
      answer(ex, 404, "{\"error\":{\"code\":404,\"status\":\"NOT_FOUND\"}}");
      return;
    }
    if (ex.getRequestMethod().equals("PATCH")) {
      JsonNode patch = json(requests.get(requests.size() - 1).substring(requests.get(requests.size() - 1).indexOf('{')));
      String mask = ex.getRequestURI().getQuery().replace("updateMask=", "");
      switch (mask) {
        case "entityStatus" -> item.set("entityStatus", patch.get("entityStatus"));
        case "budget.maxAmount" -> ((ObjectNode) item.get("budget")).set("maxAmount", patch.path("budget").get("maxAmount"));
        case "pacing.dailyMaxMicros" -> ((ObjectNode) item.get("pacing")).set("dailyMaxMicros", patch.path("pacing").get("dailyMaxMicros"));
        default -> {
          answer(ex, 400, "{\"error\":{\"code\":400,\"message\":\"bad updateMask\"}}");
          return;
        }
      }
    }
    answer(ex, 200, item.toString());
  }

  private void ttd(HttpExchange ex) throws IOException {
    String auth = ex.getRequestHeaders().getFirst("TTD-Auth");
    if (!record(ex, "TTD-Auth " + auth)) {
      return;
    }
    if (ex.getRequestMethod().equals("GET")) {
      String id = ex.getRequestURI().getPath().substring("/ttd/v3/adgroup/".length());
      answer(ex, 200, entities.get("ttd/" + id).toString());
      return;
    }
    String last = requests.get(requests.size() - 1);
    ObjectNode update = (ObjectNode) json(last.substring(last.indexOf('{')));
    ObjectNode group = entities.get("ttd/" + update.get("AdGroupId").asText());
    merge(group, update);
    answer(ex, 200, group.toString());
  }

  private void meta(HttpExchange ex) throws IOException {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (!record(ex, auth)) {
      return;
    }
    String id = ex.getRequestURI().getPath().substring("/meta/v21.0/".length());
    ObjectNode adSet = entities.get("meta/" + id);
    if (ex.getRequestMethod().equals("GET")) {
      answer(ex, 200, adSet.toString());
      return;
    }
    String last = requests.get(requests.size() - 1);
    for (String pair : last.substring(last.lastIndexOf(' ') + 1).split("&")) {
      String[] kv = pair.split("=");
      adSet.put(kv[0], kv[1]);
    }
    answer(ex, 200, "{\"success\":true}");
  }

  private static void merge(ObjectNode target, JsonNode update) {
    update.fields().forEachRemaining(e -> {
      if (e.getValue().isObject() && target.path(e.getKey()).isObject()) {
        merge((ObjectNode) target.get(e.getKey()), e.getValue());
      } else {
        target.set(e.getKey(), e.getValue());
      }
    });
  }

  private static void answer(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

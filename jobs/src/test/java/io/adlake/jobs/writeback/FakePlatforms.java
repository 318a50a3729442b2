package io.adlake.jobs.writeback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A real HTTP server on 127.0.0.1 standing in for the three platforms: it answers with the documented request and
 * response shapes of each API (DV360 v4 line items under /dv360/v4/, TTD v3 ad groups under /ttd/v3/, Meta Graph
 * ad sets under /meta/v21.0/), keeps the entities' state, records every request, and can be told to answer 429
 * (with Retry-After: 1), 5xx or 400 first.
 */
final class FakePlatforms implements AutoCloseable {
  static final String TOKEN = "secret-token-123";
  private static final ObjectMapper JSON = new ObjectMapper();

  final Deque<Integer> failFirst = new ConcurrentLinkedDeque<>();
  final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  final List<Long> times = Collections.synchronizedList(new ArrayList<>());
  final Map<String, ObjectNode> entities = new ConcurrentHashMap<>();
  /** Entity key to the token of the partner that owns it; an entity not listed answers to {@link #TOKEN}. */
  final Map<String, String> owners = new ConcurrentHashMap<>();
  private final HttpServer server;
  final URI base;

  FakePlatforms() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/dv360/v4/advertisers/", this::dv360);
    server.createContext("/ttd/v3/adgroup", this::ttd);
    server.createContext("/meta/v21.0/", this::meta);
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** A DV360 line item: status ENTITY_STATUS_ACTIVE or _PAUSED, amounts in micros; a daily max of 0 is flight pacing, without one. */
  void dv360LineItem(String advertiserId, String id, boolean active, long budgetMicros, long dailyMaxMicros) {
    String pacing = dailyMaxMicros == 0 ? "{\"pacingPeriod\":\"PACING_PERIOD_FLIGHT\"}" : "{\"pacingPeriod\":\"PACING_PERIOD_DAILY\",\"dailyMaxMicros\":\"" + dailyMaxMicros + "\"}";
    entities.put("dv360/" + id, (ObjectNode) json("{\"advertiserId\":\"" + advertiserId + "\",\"lineItemId\":\"" + id + "\",\"entityStatus\":\""
        + (active ? "ENTITY_STATUS_ACTIVE" : "ENTITY_STATUS_PAUSED") + "\",\"budget\":{\"budgetUnit\":\"BUDGET_UNIT_CURRENCY\",\"maxAmount\":\"" + budgetMicros
        + "\"},\"pacing\":" + pacing + "}"));
  }

  void ttdAdGroup(String id, boolean enabled, String budget, String currency) {
    entities.put("ttd/" + id, (ObjectNode) json("{\"AdGroupId\":\"" + id + "\",\"AdGroupName\":\"Prospecting\",\"CampaignId\":\"c1\",\"IsEnabled\":" + enabled
        + ",\"RTBAttributes\":{\"BudgetSettings\":{\"Budget\":{\"Amount\":" + budget + ",\"CurrencyCode\":\"" + currency + "\"},\"PacingMode\":\"PaceEvenly\"}}}"));
  }

  /** A Meta ad set: budgets in the currency's minor unit, as strings. */
  void metaAdSet(String id, boolean active, long dailyMinor, long lifetimeMinor) {
    entities.put("meta/" + id, (ObjectNode) json("{\"id\":\"" + id + "\",\"status\":\"" + (active ? "ACTIVE" : "PAUSED") + "\",\"daily_budget\":\"" + dailyMinor
        + "\",\"lifetime_budget\":\"" + lifetimeMinor + "\"}"));
  }

  /** Requests that change something (not GETs). */
  List<String> changes() {
    synchronized (requests) {
      return requests.stream().filter(r -> !r.startsWith("GET ")).toList();
    }
  }

  @Override
  public void close() {
    server.stop(0);
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
    if (item == null || !item.path("advertiserId").asText().equals(path[4])) {
      answer(ex, 404, "{\"error\":{\"code\":404,\"status\":\"NOT_FOUND\"}}");
      return;
    }
    if (!("Bearer " + owners.getOrDefault("dv360/" + path[6], TOKEN)).equals(auth)) {
      // Google APIs answer a token without access to the partner's advertiser with 403 PERMISSION_DENIED.
      answer(ex, 403, "{\"error\":{\"code\":403,\"status\":\"PERMISSION_DENIED\",\"message\":\"The caller does not have permission\"}}");
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

package io.adlake.platforms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.adlake.platforms.definitions.GoogleApiContract;
import io.adlake.platforms.definitions.GraphApiContract;
import io.adlake.platforms.meta.MetaApi;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A real HTTP server on 127.0.0.1 standing in for the three platforms, written from each platform's
 * documentation and official samples, not from adlake's adapters:
 *
 * <ul>
 *   <li>DV360 API v4 under /dv360/v4/: line items with {@code insertionOrderId}, {@code budget}
 *       ({@code budgetAllocationType}, {@code budgetUnit}, {@code maxAmount} as an int64 string)
 *       and {@code pacing} ({@code pacingPeriod}, {@code dailyMaxMicros}); insertion orders with
 *       their {@code entityStatus}; PATCH honours {@code updateMask} and refuses to change an
 *       automatic budget, as the reference says it is immutable; Google's error body {@code
 *       {"error":{"code","message","status"}}}.
 *   <li>TTD v3 under /ttd/v3/: ad groups with {@code CampaignId} and {@code
 *       RTBAttributes.BudgetSettings.AdGroupFlights}, campaigns with {@code BudgetingVersion} and
 *       {@code CampaignFlights}; PUT merges flights by {@code CampaignFlightId} (TTD's budget
 *       sample).
 *   <li>Meta Graph API under /meta/{@value MetaApi#VERSION}/: ad sets with both budgets as strings,
 *       "0" for the kind not used; errors as Meta sends them: HTTP 400 with {@code
 *       {"error":{"message","type","code", "error_subcode","fbtrace_id"}}}, and a throttled answer
 *       carries {@code X-Business-Use-Case-Usage} and {@code X-Ad-Account-Usage}. Meta does not
 *       throttle with 429.
 * </ul>
 *
 * It keeps the entities' state, records every request, and answers scripted failures first: {@link
 * #failFirst} (an HTTP status, for DV360 and TTD) and {@link #metaErrors} (a Meta error code).
 */
public final class FakePlatforms implements AutoCloseable {
  public static final String TOKEN = "secret-token-123";
  public static final String META_PATH = "/meta/" + MetaApi.VERSION + "/";
  private static final ObjectMapper JSON = new ObjectMapper();

  public final Deque<Integer> failFirst = new ConcurrentLinkedDeque<>();
  public final Deque<Integer> metaErrors = new ConcurrentLinkedDeque<>();
  public final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  public final List<Long> times = Collections.synchronizedList(new ArrayList<>());
  public final Map<String, ObjectNode> entities = new ConcurrentHashMap<>();

  /**
   * Entity key to the token of the partner that owns it; an entity not listed answers to {@link
   * #TOKEN}.
   */
  public final Map<String, String> owners = new ConcurrentHashMap<>();

  private final HttpServer server;
  public final URI base;

  public FakePlatforms() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/dv360/v4/advertisers/", this::dv360);
    server.createContext("/ttd/v3/", this::ttd);
    // Any version: only the one the official SDK defines is answered (see meta).
    server.createContext("/meta/", this::meta);
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /**
   * A DV360 line item under an active insertion order "9{id}", with a fixed currency budget; a
   * daily max of 0 is flight pacing, without one. Amounts in micros.
   */
  public void dv360LineItem(
      String advertiserId, String id, boolean active, long budgetMicros, long dailyMaxMicros) {
    String pacing =
        dailyMaxMicros == 0
            ? "{\"pacingPeriod\":\"PACING_PERIOD_FLIGHT\",\"pacingType\":\"PACING_TYPE_EVEN\"}"
            : "{\"pacingPeriod\":\"PACING_PERIOD_DAILY\",\"pacingType\":\"PACING_TYPE_EVEN\",\"dailyMaxMicros\":\""
                + dailyMaxMicros
                + "\"}";
    String io = "9" + id;
    entities.put(
        "dv360/" + id,
        (ObjectNode)
            json(
                "{\"name\":\"advertisers/"
                    + advertiserId
                    + "/lineItems/"
                    + id
                    + "\",\"advertiserId\":\""
                    + advertiserId
                    + "\",\"campaignId\":\"5\",\"insertionOrderId\":\""
                    + io
                    + "\",\"lineItemId\":\""
                    + id
                    + "\",\"displayName\":\"LI "
                    + id
                    + "\",\"lineItemType\":\"LINE_ITEM_TYPE_DISPLAY_DEFAULT\",\"entityStatus\":\""
                    + (active ? "ENTITY_STATUS_ACTIVE" : "ENTITY_STATUS_PAUSED")
                    + "\",\"budget\":{\"budgetAllocationType\":\"LINE_ITEM_BUDGET_ALLOCATION_TYPE_FIXED\",\"budgetUnit\":\"BUDGET_UNIT_CURRENCY\",\"maxAmount\":\""
                    + budgetMicros
                    + "\"},\"pacing\":"
                    + pacing
                    + "}"));
    dv360InsertionOrder(advertiserId, io, "ENTITY_STATUS_ACTIVE");
  }

  public void dv360InsertionOrder(String advertiserId, String id, String status) {
    entities.put(
        "dv360-io/" + id,
        (ObjectNode)
            json(
                "{\"name\":\"advertisers/"
                    + advertiserId
                    + "/insertionOrders/"
                    + id
                    + "\",\"advertiserId\":\""
                    + advertiserId
                    + "\",\"insertionOrderId\":\""
                    + id
                    + "\",\"entityStatus\":\""
                    + status
                    + "\"}"));
  }

  /**
   * A TTD ad group with a budget and no daily target on the campaign's one flight (running from
   * 2026-01-01, open-ended).
   */
  public void ttdAdGroup(String id, boolean enabled, String budget, String currency) {
    String campaign = "c" + id;
    entities.put(
        "ttd/" + id,
        (ObjectNode)
            json(
                "{\"AdGroupId\":\""
                    + id
                    + "\",\"AdGroupName\":\"Prospecting\",\"CampaignId\":\""
                    + campaign
                    + "\",\"IsEnabled\":"
                    + enabled
                    + ",\"Availability\":\"Available\",\"RTBAttributes\":{\"BudgetSettings\":{\"PacingMode\":\"PaceEvenly\",\"AdGroupFlights\":[{\"CampaignFlightId\":4250052,\"BudgetInAdvertiserCurrency\":"
                    + budget
                    + ",\"BudgetInImpressions\":null,\"DailyTargetInAdvertiserCurrency\":null,\"DailyTargetInImpressions\":null}]}}}"));
    ttdCampaign(campaign, "Solimar", currency);
  }

  public void ttdCampaign(String id, String budgetingVersion, String currency) {
    entities.put(
        "ttd-campaign/" + id,
        (ObjectNode)
            json(
                "{\"CampaignId\":\""
                    + id
                    + "\",\"CampaignName\":\"Campaign "
                    + id
                    + "\",\"BudgetingVersion\":\""
                    + budgetingVersion
                    + "\",\"Budget\":{\"Amount\":1200000.000000,\"CurrencyCode\":\""
                    + currency
                    + "\"},\"PacingMode\":\"PaceAhead\",\"CampaignFlights\":["
                    + "{\"CampaignFlightId\":4250051,\"CampaignId\":\""
                    + id
                    + "\",\"StartDateInclusiveUTC\":\"2025-01-01T00:00:00\",\"EndDateExclusiveUTC\":\"2026-01-01T00:00:00\",\"BudgetInAdvertiserCurrency\":1000.000000},"
                    + "{\"CampaignFlightId\":4250052,\"CampaignId\":\""
                    + id
                    + "\",\"StartDateInclusiveUTC\":\"2026-01-01T00:00:00\",\"EndDateExclusiveUTC\":null,\"BudgetInAdvertiserCurrency\":1200000.000000}]}"));
  }

  /** A Meta ad set: both budgets as strings in Meta's units, "0" for the kind it does not use. */
  public void metaAdSet(String id, boolean active, long daily, long lifetime) {
    entities.put(
        "meta/" + id,
        (ObjectNode)
            json(
                "{\"id\":\""
                    + id
                    + "\",\"status\":\""
                    + (active ? "ACTIVE" : "PAUSED")
                    + "\",\"daily_budget\":\""
                    + daily
                    + "\",\"lifetime_budget\":\""
                    + lifetime
                    + "\"}"));
  }

  /** Requests that change something (not GETs). */
  public List<String> changes() {
    synchronized (requests) {
      return requests.stream().filter(r -> !r.startsWith("GET ")).toList();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /**
   * Records the request, answers a scripted failure if one is queued; otherwise true when the
   * handler should go on.
   */
  /** The body of the request being answered (the server answers one request at a time). */
  private final ThreadLocal<String> body = new ThreadLocal<>();

  /**
   * Display &amp; Video 360 API v4 as its discovery document defines it: write-back's calls are
   * checked against it before the fake answers them.
   */
  private static final GoogleApiContract DISPLAY_VIDEO = GoogleApiContract.of("displayvideo.v4");

  private boolean record(HttpExchange ex, String auth) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    this.body.set(body);
    URI uri = ex.getRequestURI();
    requests.add(
        ex.getRequestMethod()
            + " "
            + uri.getPath()
            + (uri.getQuery() == null ? "" : "?" + uri.getQuery())
            + " "
            + auth
            + (body.isEmpty() ? "" : " " + body));
    times.add(System.nanoTime());
    Integer fail = failFirst.poll();
    if (fail != null) {
      if (fail == 429) {
        ex.getResponseHeaders().add("Retry-After", "1");
      }
      answer(
          ex,
          fail,
          "{\"error\":{\"code\":"
              + fail
              + ",\"message\":\"scripted\",\"status\":\""
              + (fail == 429 ? "RESOURCE_EXHAUSTED" : "UNAVAILABLE")
              + "\"}}");
      return false;
    }
    return true;
  }

  private String body() {
    String last = requests.get(requests.size() - 1);
    return last.substring(last.indexOf('{'));
  }

  private void dv360(HttpExchange ex) throws IOException {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    // /dv360/v4/advertisers/42/lineItems/111 or /dv360/v4/advertisers/42/insertionOrders/9111
    String[] path = ex.getRequestURI().getPath().split("/");
    if (!record(ex, String.valueOf(auth))) {
      return;
    }
    Optional<GoogleApiContract.Refusal> refused =
        DISPLAY_VIDEO.check(
            ex.getRequestMethod(),
            ex.getRequestURI().getPath().substring("/dv360/".length()),
            ex.getRequestURI().getRawQuery(),
            body.get());
    if (refused.isPresent()) {
      answer(ex, refused.get().status(), refused.get().body());
      return;
    }
    boolean io = path[5].equals("insertionOrders");
    ObjectNode item = entities.get((io ? "dv360-io/" : "dv360/") + path[6]);
    if (item == null || !item.path("advertiserId").asText().equals(path[4])) {
      answer(
          ex,
          404,
          "{\"error\":{\"code\":404,\"message\":\"Requested entity was not found.\",\"status\":\"NOT_FOUND\"}}");
      return;
    }
    // An insertion order "9<id>" belongs to the partner of line item <id>.
    String owner = owners.getOrDefault("dv360/" + (io ? path[6].substring(1) : path[6]), TOKEN);
    if (!("Bearer " + owner).equals(auth)) {
      // Google APIs answer a token without access to the partner's advertiser with 403
      // PERMISSION_DENIED.
      answer(
          ex,
          403,
          "{\"error\":{\"code\":403,\"status\":\"PERMISSION_DENIED\",\"message\":\"The caller does not have permission\"}}");
      return;
    }
    if (ex.getRequestMethod().equals("PATCH") && !io) {
      JsonNode patch = json(body());
      String mask = ex.getRequestURI().getQuery().replace("updateMask=", "");
      switch (mask) {
        case "entityStatus" -> item.set("entityStatus", patch.get("entityStatus"));
        case "budget.maxAmount" -> {
          if (item.path("budget")
              .path("budgetAllocationType")
              .asText()
              .equals("LINE_ITEM_BUDGET_ALLOCATION_TYPE_AUTOMATIC")) {
            answer(
                ex,
                400,
                "{\"error\":{\"code\":400,\"message\":\"Invalid budget: maxAmount is immutable for automatic budget allocation.\",\"status\":\"INVALID_ARGUMENT\"}}");
            return;
          }
          ((ObjectNode) item.get("budget")).set("maxAmount", patch.path("budget").get("maxAmount"));
        }
        case "pacing.dailyMaxMicros" ->
            ((ObjectNode) item.get("pacing"))
                .set("dailyMaxMicros", patch.path("pacing").get("dailyMaxMicros"));
        default -> {
          answer(
              ex,
              400,
              "{\"error\":{\"code\":400,\"message\":\"Invalid updateMask.\",\"status\":\"INVALID_ARGUMENT\"}}");
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
    String path = ex.getRequestURI().getPath();
    if (ex.getRequestMethod().equals("GET")) {
      ObjectNode found =
          path.startsWith("/ttd/v3/campaign/")
              ? entities.get("ttd-campaign/" + path.substring("/ttd/v3/campaign/".length()))
              : entities.get("ttd/" + path.substring("/ttd/v3/adgroup/".length()));
      if (found == null) {
        answer(ex, 404, "{\"Message\":\"The requested resource was not found.\"}");
        return;
      }
      answer(ex, 200, found.toString());
      return;
    }
    ObjectNode update = (ObjectNode) json(body());
    ObjectNode group = entities.get("ttd/" + update.path("AdGroupId").asText());
    if (group == null) {
      answer(
          ex,
          400,
          "{\"Message\":\"The request failed validation.\",\"ErrorDetails\":[{\"Property\":\"AdGroupId\",\"Reasons\":[\"Ad group not found.\"]}]}");
      return;
    }
    JsonNode flights = update.path("RTBAttributes").path("BudgetSettings").path("AdGroupFlights");
    if (flights.isArray()) {
      ArrayNode mine =
          (ArrayNode) group.path("RTBAttributes").path("BudgetSettings").path("AdGroupFlights");
      for (JsonNode flight : flights) {
        for (JsonNode existing : mine) {
          if (existing.path("CampaignFlightId").asLong()
              == flight.path("CampaignFlightId").asLong()) {
            ((ObjectNode) existing).setAll((ObjectNode) flight);
          }
        }
      }
      ((ObjectNode) update.get("RTBAttributes").get("BudgetSettings")).remove("AdGroupFlights");
    }
    merge(group, update);
    answer(ex, 200, group.toString());
  }

  private void meta(HttpExchange ex) throws IOException {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (!record(ex, auth)) {
      return;
    }
    Integer code = metaErrors.poll();
    if (code != null) {
      metaError(ex, code);
      return;
    }
    String[] versioned = ex.getRequestURI().getPath().substring("/meta/".length()).split("/", 2);
    Optional<String> refused = GraphApiContract.versionRefusal(versioned[0]);
    if (refused.isPresent()) {
      answer(ex, 400, refused.get());
      return;
    }
    String id = versioned.length > 1 ? versioned[1] : "";
    ObjectNode adSet = entities.get("meta/" + id);
    if (adSet == null) {
      answer(
          ex,
          400,
          "{\"error\":{\"message\":\"Unsupported get request. Object with ID '"
              + id
              + "' does not exist\",\"type\":\"GraphMethodException\",\"code\":100,\"error_subcode\":33,\"fbtrace_id\":\"AbCdEf\"}}");
      return;
    }
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

  /**
   * Meta's error answers (developers.facebook.com/docs/graph-api/guides/error-handling and
   * .../overview/ rate-limiting): HTTP 400 with the code in the body; a throttled one says in its
   * usage headers when access returns (here: the ad account's reset in 1 second).
   */
  private static void metaError(HttpExchange ex, int code) throws IOException {
    String message =
        switch (code) {
          case 17 -> "(#17) User request limit reached";
          case 613 -> "(#613) Calls to this api have exceeded the rate limit.";
          case 80004 ->
              "(#80004) There have been too many calls to this ad-account. Wait a bit and try again.";
          case 190 ->
              "Error validating access token: Session has expired on Tuesday, 01-Dec-26 10:00:00 PST.";
          default -> "An unexpected error has occurred. Please retry your request later.";
        };
    String subcode =
        switch (code) {
          case 17 -> ",\"error_subcode\":2446079";
          case 613 -> ",\"error_subcode\":1487742";
          case 190 -> ",\"error_subcode\":463";
          default -> "";
        };
    if (MetaApi.isTransient(code, -1)) {
      ex.getResponseHeaders()
          .add(
              "X-Business-Use-Case-Usage",
              "{\"1234567890\":[{\"type\":\"ads_management\",\"call_count\":100,\"total_cputime\":12,\"total_time\":15,\"estimated_time_to_regain_access\":0,\"ads_api_access_tier\":\"standard_access\"}]}");
      ex.getResponseHeaders()
          .add(
              "X-Ad-Account-Usage",
              "{\"acc_id_util_pct\":100.0,\"reset_time_duration\":1,\"ads_api_access_tier\":\"standard_access\"}");
    }
    answer(
        ex,
        400,
        "{\"error\":{\"message\":\""
            + message
            + "\",\"type\":\"OAuthException\",\"code\":"
            + code
            + subcode
            + ",\"fbtrace_id\":\"A1b2C3d4E5\"}}");
  }

  private static void merge(ObjectNode target, JsonNode update) {
    update
        .fields()
        .forEachRemaining(
            e -> {
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

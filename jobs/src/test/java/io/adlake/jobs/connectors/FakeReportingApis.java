package io.adlake.jobs.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.adlake.platforms.definitions.AdManagerSoapContract;
import io.adlake.platforms.definitions.GoogleApiContract;
import io.adlake.platforms.definitions.GraphApiContract;
import io.adlake.platforms.gam.GamApi;
import io.adlake.platforms.meta.MetaApi;
import io.adlake.platforms.salesforce.SalesforceApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The reporting APIs adlake fetches from, on 127.0.0.1, written from each platform's documentation
 * (not from the connectors): request paths, bodies, polling states, pagination, error bodies and
 * the OAuth token endpoints, which check the JWT's signature against the test key pair and its
 * claims.
 *
 * <ul>
 *   <li>Google OAuth ({@code /google/token}) and Bid Manager v2 ({@code /bidmanager/v2/}): queries
 *       list (paged by {@code nextPageToken}) and create, {@code queries/{id}:run} with a
 *       CUSTOM_DATES range, report states QUEUED, RUNNING, DONE or FAILED, the file on a signed
 *       "Cloud Storage" path ({@code /storage/}) with {@code x-goog-hash}.
 *   <li>Display &amp; Video 360 API v4 ({@code /dv/v4/}): SDF download tasks as long-running
 *       operations (not done, then done with a {@code response.resourceName} in the reference's
 *       form {@code download/sdfdownloadtasks/media/ {id}}, or an {@code error}), and
 *       media.download ({@code /dv/download/...?alt=media}) serving the zip.
 *   <li>TTD ({@code /ttd/v3/}): MyReports executions paged by PageStartIndex, states Pending and
 *       Complete, downloads that need the TTD-Auth header; campaign and ad group queries paged by
 *       PageStartIndex with TotalFilteredCount.
 *   <li>Meta ({@code /graph/v26.0/}): async Insights jobs (report_run_id, async_status), results
 *       paged by cursors, error bodies with Graph error codes; the ad account's currency and its ad
 *       sets, paged by cursors.
 *   <li>Salesforce ({@code /sf/}): the JWT bearer token endpoint and Bulk API 2.0 query jobs with
 *       Sforce-Locator pages.
 * </ul>
 */
final class FakeReportingApis implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where the connector calls the Graph API: the version adlake pins. */
  static final String GRAPH = "/graph/" + MetaApi.VERSION + "/";

  static final String TTD_TOKEN = "ttd-auth-fake-1";
  static final String META_TOKEN = "meta-system-user-fake-1";

  final KeyPair keys;
  private final HttpServer server;
  final URI base;
  final List<String> requests = Collections.synchronizedList(new ArrayList<>());

  // What the platforms hold: DV360 reports per advertiser and day, TTD reports per schedule and
  // day, Meta rows per
  // ad account, Salesforce bookings CSV per user.
  final Map<String, Map<LocalDate, byte[]>> dv360Reports = new ConcurrentHashMap<>();
  final Map<String, Map<LocalDate, byte[]>> ttdReports = new ConcurrentHashMap<>();
  final Map<String, List<JsonNode>> metaRows = new ConcurrentHashMap<>();
  final Map<String, String> salesforceBookings = new ConcurrentHashMap<>();
  final Map<String, Map<LocalDate, byte[]>> gamReports = new ConcurrentHashMap<>();
  // Setup: DV360 SDF files per advertiser (by their name in the zip), TTD campaigns and ad groups
  // per advertiser,
  // Meta ad sets and the account's currency per ad account.
  final Map<String, Map<String, byte[]>> sdfFiles = new ConcurrentHashMap<>();
  final Map<String, List<JsonNode>> ttdCampaigns = new ConcurrentHashMap<>();
  final Map<String, List<JsonNode>> ttdAdGroups = new ConcurrentHashMap<>();
  final Map<String, List<JsonNode>> metaAdSets = new ConcurrentHashMap<>();
  final Map<String, String> metaCurrencies = new ConcurrentHashMap<>();

  // Behaviour knobs, per test.
  /** Looks at a report (DV360, Meta, TTD, Salesforce) before it is ready. */
  volatile int pollsBeforeReady = 1;

  /** A DV360 advertiser whose runs end FAILED; a Meta account whose jobs end "Job Failed". */
  final Map<String, Boolean> failing = new ConcurrentHashMap<>();

  /** Accounts whose reports never finish. */
  final Map<String, Boolean> endless = new ConcurrentHashMap<>();

  /** Advertisers whose storage download is cut after half its bytes / has a wrong MD5. */
  final Map<String, Boolean> truncated = new ConcurrentHashMap<>();

  final Map<String, Boolean> corrupted = new ConcurrentHashMap<>();

  /**
   * Service accounts (client_email) and Salesforce users whose credentials were revoked; revoked
   * TTD/Meta tokens.
   */
  final Map<String, Boolean> revoked = new ConcurrentHashMap<>();

  /**
   * Answer this many Meta calls with throttling (code 17) and this many Bid Manager calls with 429,
   * first.
   */
  final AtomicInteger metaThrottles = new AtomicInteger();

  final AtomicInteger http429s = new AtomicInteger();

  /** Expire the next Google access token / Salesforce session on its first use (401). */
  final AtomicInteger expireNextTokens = new AtomicInteger();

  final AtomicInteger tokensIssued = new AtomicInteger();

  /** Rows per results page: Meta and Salesforce. */
  volatile int pageSize = 2;

  private final Map<String, String> validTokens = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> dvRuns = new ConcurrentHashMap<>();
  private final Map<String, Integer> looks = new ConcurrentHashMap<>();
  private final Map<String, String> queries = new ConcurrentHashMap<>();
  private final Map<String, byte[]> storage = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> metaJobs = new ConcurrentHashMap<>();
  private final Map<String, String> sfJobs = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger(1000);

  FakeReportingApis() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/google/token", ex -> guard(ex, this::googleToken));
    server.createContext(
        "/bidmanager/", ex -> guard(ex, checked(BID_MANAGER, "/bidmanager/", this::bidManager)));
    server.createContext("/storage/", ex -> guard(ex, this::storage));
    server.createContext(
        "/dv/v4/", ex -> guard(ex, checked(DISPLAY_VIDEO, "/dv/", this::displayVideo)));
    server.createContext(
        "/dv/download/", ex -> guard(ex, checked(DISPLAY_VIDEO, "/dv/", this::displayVideoMedia)));
    server.createContext("/ttd/v3/", ex -> guard(ex, this::ttd));
    server.createContext("/ttd-download/", ex -> guard(ex, this::ttdDownload));
    // Any version: only the one the official SDK defines is answered (see graph).
    server.createContext("/graph/", ex -> guard(ex, this::graph));
    // Any version: the contract answers one Ad Manager has switched off as Ad Manager does.
    server.createContext("/gam/", ex -> guard(ex, this::adManager));
    server.createContext("/sf/", ex -> guard(ex, this::salesforce));
    server.createContext("/sf-instance/", ex -> guard(ex, this::salesforceInstance));
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** A service-account key file for the email, with the test key, its token_uri this server. */
  String serviceAccountKey(String email) {
    return JSON.createObjectNode()
        .put("type", "service_account")
        .put("client_email", email)
        .put("private_key_id", "k1")
        .put("private_key", pem())
        .put("token_uri", base + "google/token")
        .toString();
  }

  String salesforceCredentials(String username) {
    return JSON.createObjectNode()
        .put("client_id", "3MVG9fake")
        .put("username", username)
        .put("private_key", pem())
        .toString();
  }

  private String pem() {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  long count(String prefix) {
    synchronized (requests) {
      return requests.stream().filter(r -> r.startsWith(prefix)).count();
    }
  }

  // ----------------------------------------------------------------------------------------------
  // OAuth endpoints

  /**
   * developers.google.com/identity/protocols/oauth2/service-account: form POST, JWT bearer grant,
   * RS256 assertion.
   */
  private void googleToken(HttpExchange ex, String body) throws IOException {
    Map<String, String> form = form(body);
    JsonNode claims = verifiedClaims(form);
    String email = claims == null ? "" : claims.path("iss").asText();
    if (claims == null
        || !claims.path("aud").asText().equals(base + "google/token")
        || !claims
            .path("scope")
            .asText()
            .matches(".*/auth/(doubleclickbidmanager|dfp|display-video)$")) {
      send(
          ex,
          400,
          "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}");
    } else if (revoked.containsKey(email)) {
      send(
          ex,
          400,
          "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid grant: account not found\"}");
    } else {
      send(
          ex,
          200,
          "{\"access_token\":\""
              + issue(email)
              + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
    }
  }

  /**
   * The JWT's claims when the grant type is the JWT bearer one, the signature is the test key's and
   * it has not expired; else null.
   */
  private JsonNode verifiedClaims(Map<String, String> form) {
    try {
      if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))) {
        return null;
      }
      String[] parts = form.getOrDefault("assertion", "").split("\\.");
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(keys.getPublic());
      rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
      if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))
          || !"RS256".equals(header.path("alg").asText())) {
        return null;
      }
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      long now = Instant.now().getEpochSecond();
      return claims.path("exp").asLong() > now
              && claims.path("exp").asLong() - claims.path("iat").asLong() <= 3600
          ? claims
          : null;
    } catch (Exception e) {
      return null;
    }
  }

  private String issue(String who) {
    tokensIssued.incrementAndGet();
    String token = "fake-" + ids.incrementAndGet();
    validTokens.put(token, who);
    if (expireNextTokens.get() > 0) {
      expireNextTokens.decrementAndGet();
      validTokens.put(token, "expires-on-first-use:" + who);
    }
    return token;
  }

  /**
   * The bearer token's holder, or null (after answering 401) when it is missing, unknown or
   * expired.
   */
  private String bearer(HttpExchange ex, String expired) throws IOException {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : "";
    String who = validTokens.get(token);
    if (who != null && who.startsWith("expires-on-first-use:")) {
      validTokens.remove(token);
      who = null;
    }
    if (who == null) {
      send(ex, 401, expired);
    }
    return who;
  }

  // ----------------------------------------------------------------------------------------------
  // Bid Manager v2

  private static final String GOOGLE_401 =
      "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials.\",\"status\":\"UNAUTHENTICATED\"}}";

  private void bidManager(HttpExchange ex, String body) throws IOException {
    if (bearer(ex, GOOGLE_401) == null) {
      return;
    }
    if (http429s.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      ex.getResponseHeaders().add("Retry-After", "0");
      send(
          ex,
          429,
          "{\"error\":{\"code\":429,\"message\":\"Quota exceeded\",\"status\":\"RESOURCE_EXHAUSTED\"}}");
      return;
    }
    String path = ex.getRequestURI().getPath().substring("/bidmanager/v2/".length());
    String method = ex.getRequestMethod();
    if (path.equals("queries") && method.equals("GET")) {
      // Two pages: a foreign query first, then ours, so the connector has to follow nextPageToken.
      String token = query(ex).get("pageToken");
      ArrayNode list = JSON.createArrayNode();
      ObjectNode page = JSON.createObjectNode();
      if (token == null) {
        list.addObject()
            .put("queryId", "1")
            .putObject("metadata")
            .put("title", "someone else's query");
        page.put("nextPageToken", "p2");
      } else {
        queries.forEach(
            (id, title) ->
                list.addObject().put("queryId", id).putObject("metadata").put("title", title));
      }
      page.set("queries", list);
      send(ex, 200, page.toString());
    } else if (path.equals("queries") && method.equals("POST")) {
      JsonNode query = JSON.readTree(body);
      JsonNode filter = query.path("params").path("filters").path(0);
      if (!"STANDARD".equals(query.path("params").path("type").asText())
          || !"FILTER_ADVERTISER".equals(filter.path("type").asText())
          || !"CSV".equals(query.path("metadata").path("format").asText())) {
        send(
            ex,
            400,
            "{\"error\":{\"code\":400,\"message\":\"Invalid query\",\"status\":\"INVALID_ARGUMENT\"}}");
        return;
      }
      String id = String.valueOf(ids.incrementAndGet());
      queries.put(id, query.path("metadata").path("title").asText());
      queries.put(id + "/advertiser", filter.path("value").asText());
      send(ex, 200, ((ObjectNode) query).put("queryId", id).toString());
    } else if (path.matches("queries/\\d+:run") && method.equals("POST")) {
      String queryId = path.substring("queries/".length(), path.indexOf(':'));
      JsonNode range = JSON.readTree(body).path("dataRange");
      JsonNode start = range.path("customStartDate");
      LocalDate day =
          LocalDate.of(
              start.path("year").asInt(), start.path("month").asInt(), start.path("day").asInt());
      if (!"CUSTOM_DATES".equals(range.path("range").asText())
          || !range.path("customEndDate").equals(start)
          || !queries.containsKey(queryId)) {
        send(
            ex,
            400,
            "{\"error\":{\"code\":400,\"message\":\"Invalid dataRange\",\"status\":\"INVALID_ARGUMENT\"}}");
        return;
      }
      String reportId = String.valueOf(ids.incrementAndGet());
      ObjectNode report = JSON.createObjectNode();
      report.putObject("key").put("queryId", queryId).put("reportId", reportId);
      ObjectNode metadata = report.putObject("metadata");
      metadata.putObject("status").put("state", "QUEUED");
      metadata
          .put("reportDataStartDate", day.toString())
          .put("advertiser", queries.get(queryId + "/advertiser"));
      dvRuns.put(reportId, report);
      send(ex, 200, report.toString());
    } else if (path.matches("queries/\\d+/reports/\\d+") && method.equals("GET")) {
      ObjectNode report = dvRuns.get(path.substring(path.lastIndexOf('/') + 1));
      ObjectNode metadata = (ObjectNode) report.path("metadata");
      String advertiser = metadata.path("advertiser").asText();
      LocalDate day = LocalDate.parse(metadata.path("reportDataStartDate").asText());
      int seen = looks.merge("dv/" + report.path("key").path("reportId").asText(), 1, Integer::sum);
      ObjectNode status = (ObjectNode) metadata.path("status");
      if (endless.containsKey(advertiser) || seen <= pollsBeforeReady) {
        status.put("state", seen == 1 ? "QUEUED" : "RUNNING");
      } else if (failing.containsKey(advertiser)) {
        status.put("state", "FAILED").put("finishTime", Instant.now().toString());
      } else {
        byte[] file = dv360Reports.getOrDefault(advertiser, Map.of()).get(day);
        String object =
            "dv360-reports/"
                + advertiser
                + "/"
                + report.path("key").path("reportId").asText()
                + ".csv";
        storage.put(object, file == null ? new byte[0] : file);
        status
            .put("state", "DONE")
            .put("format", "CSV")
            .put("finishTime", Instant.now().toString());
        metadata.put(
            "googleCloudStoragePath", base + "storage/" + object + "?X-Goog-Signature=fake");
        truncated.computeIfPresent(
            advertiser,
            (k, v) -> {
              storage.put(object + "/cut", new byte[0]);
              return v;
            });
        corrupted.computeIfPresent(
            advertiser,
            (k, v) -> {
              storage.put(object + "/bad-md5", new byte[0]);
              return v;
            });
      }
      ObjectNode answer = report.deepCopy();
      ((ObjectNode) answer.path("metadata")).remove("advertiser");
      send(ex, 200, answer.toString());
    } else {
      send(
          ex, 404, "{\"error\":{\"code\":404,\"message\":\"Not found\",\"status\":\"NOT_FOUND\"}}");
    }
  }

  /**
   * A signed URL: no Authorization header may come with it (Cloud Storage refuses both at once).
   */
  private void storage(HttpExchange ex, String body) throws IOException {
    if (ex.getRequestHeaders().containsKey("Authorization")) {
      send(
          ex,
          400,
          "<Error><Code>InvalidAuthentication</Code><Message>both a signature and an Authorization header</Message></Error>");
      return;
    }
    String object = ex.getRequestURI().getPath().substring("/storage/".length());
    byte[] file = storage.get(object);
    if (file == null || ex.getRequestURI().getQuery() == null) {
      send(ex, 403, "<Error><Code>AccessDenied</Code></Error>");
      return;
    }
    String md5 =
        Base64.getEncoder()
            .encodeToString(
                md5(
                    storage.containsKey(object + "/bad-md5")
                        ? "other".getBytes(StandardCharsets.UTF_8)
                        : file));
    ex.getResponseHeaders().add("x-goog-hash", "crc32c=n03x6A==");
    ex.getResponseHeaders().add("x-goog-hash", "md5=" + md5);
    ex.getResponseHeaders().add("Content-Type", "text/csv");
    if (storage.containsKey(object + "/cut")) {
      // Content-Length says the whole file; half of it comes, then the connection closes.
      ex.sendResponseHeaders(200, file.length);
      OutputStream out = ex.getResponseBody();
      out.write(file, 0, file.length / 2);
      out.flush();
      ex.close();
      return;
    }
    ex.sendResponseHeaders(200, file.length == 0 ? -1 : file.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(file);
    }
  }

  // ----------------------------------------------------------------------------------------------
  // Display & Video 360 v4

  private final Map<String, String> sdfTasks = new ConcurrentHashMap<>();

  /**
   * sdfdownloadtasks.create and sdfdownloadtasks.operations.get
   * (developers.google.com/display-video/api/reference/ rest/v4/sdfdownloadtasks): a task names its
   * version, advertiser and a parent entity filter; the operation is not done at first, then done
   * with an SdfDownloadTask response or a google.rpc.Status error.
   */
  private void displayVideo(HttpExchange ex, String body) throws IOException {
    if (bearer(ex, GOOGLE_401) == null) {
      return;
    }
    String path = ex.getRequestURI().getPath().substring("/dv/v4/".length());
    if (path.equals("sdfdownloadtasks") && ex.getRequestMethod().equals("POST")) {
      JsonNode task = JSON.readTree(body);
      JsonNode filter = task.path("parentEntityFilter");
      List<String> types = new ArrayList<>();
      filter.path("fileType").forEach(t -> types.add(t.asText()));
      // The version and the enums were checked against the discovery document; what is left is
      // what the call needs to do its work.
      if (!task.path("advertiserId").isTextual()
          || !"FILTER_TYPE_NONE".equals(filter.path("filterType").asText())
          || !types.containsAll(List.of("FILE_TYPE_INSERTION_ORDER", "FILE_TYPE_LINE_ITEM"))) {
        send(
            ex,
            400,
            "{\"error\":{\"code\":400,\"message\":\"Request contains an invalid argument.\",\"status\":\"INVALID_ARGUMENT\"}}");
        return;
      }
      String id = String.valueOf(ids.incrementAndGet());
      sdfTasks.put(id, task.path("advertiserId").asText());
      ObjectNode operation =
          JSON.createObjectNode().put("name", "sdfdownloadtasks/operations/" + id);
      operation
          .putObject("metadata")
          .put("@type", "type.googleapis.com/google.ads.displayvideo.v4.SdfDownloadTaskMetadata")
          .put("createTime", Instant.now().toString())
          .put("version", task.path("version").asText());
      send(ex, 200, operation.toString());
    } else if (path.matches("sdfdownloadtasks/operations/\\d+")
        && ex.getRequestMethod().equals("GET")) {
      String id = path.substring(path.lastIndexOf('/') + 1);
      String advertiser = sdfTasks.get(id);
      int seen = looks.merge("sdf/" + id, 1, Integer::sum);
      ObjectNode operation = JSON.createObjectNode().put("name", path);
      operation
          .putObject("metadata")
          .put("@type", "type.googleapis.com/google.ads.displayvideo.v4.SdfDownloadTaskMetadata");
      if (endless.containsKey(advertiser) || seen <= pollsBeforeReady) {
        send(ex, 200, operation.toString());
        return;
      }
      operation.put("done", true);
      if (failing.containsKey(advertiser)) {
        operation
            .putObject("error")
            .put("code", 3)
            .put("message", "Advertiser " + advertiser + " has no entities the task can export.");
      } else {
        operation
            .putObject("response")
            .put("@type", "type.googleapis.com/google.ads.displayvideo.v4.SdfDownloadTask")
            .put("resourceName", "download/sdfdownloadtasks/media/" + id + "0");
      }
      send(ex, 200, operation.toString());
    } else {
      send(
          ex, 404, "{\"error\":{\"code\":404,\"message\":\"Not found\",\"status\":\"NOT_FOUND\"}}");
    }
  }

  /**
   * media.download: {@code /download/sdfdownloadtasks/media/{id}?alt=media} with the token; the SDF
   * files zipped.
   */
  private void displayVideoMedia(HttpExchange ex, String body) throws IOException {
    if (bearer(ex, GOOGLE_401) == null) {
      return;
    }
    String path = ex.getRequestURI().getPath();
    if (!path.matches("/dv/download/sdfdownloadtasks/media/\\d+0")
        || !"alt=media".equals(ex.getRequestURI().getQuery())) {
      send(
          ex, 404, "{\"error\":{\"code\":404,\"message\":\"Not found\",\"status\":\"NOT_FOUND\"}}");
      return;
    }
    String task = path.substring(path.lastIndexOf('/') + 1, path.length() - 1);
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      for (Map.Entry<String, byte[]> file :
          sdfFiles.getOrDefault(sdfTasks.get(task), Map.of()).entrySet()) {
        out.putNextEntry(new ZipEntry(file.getKey()));
        out.write(file.getValue());
        out.closeEntry();
      }
    }
    byte[] bytes = zip.toByteArray();
    ex.getResponseHeaders().add("Content-Type", "application/zip");
    ex.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  // ----------------------------------------------------------------------------------------------
  // Ad Manager (SOAP)

  private final Map<String, String[]> gamJobs = new ConcurrentHashMap<>();

  /**
   * ReportService over SOAP 1.1: the operation is the Body's element, the network the
   * RequestHeader's; errors are faults on 500.
   */
  private void adManager(HttpExchange ex, String body) throws IOException {
    Matcher path =
        Pattern.compile("/gam/(v\\d+)/ReportService").matcher(ex.getRequestURI().getPath());
    if (!path.matches()) {
      send(ex, 404, "");
      return;
    }
    Optional<String> refused = AdManagerSoapContract.check(path.group(1), body);
    if (refused.isPresent()) {
      ex.getResponseHeaders().add("Content-Type", "text/xml; charset=UTF-8");
      send(ex, 500, refused.get());
      return;
    }
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    String network = xml(body, "networkCode");
    if (auth == null || !validTokens.containsKey(auth.replace("Bearer ", ""))) {
      soapFault(ex, "AuthenticationError.AUTHENTICATION_FAILED");
      return;
    }
    if (revoked.containsKey(network)) {
      soapFault(ex, "AuthenticationError.NETWORK_API_ACCESS_DISABLED");
      return;
    }
    String answer;
    if (body.contains("<runReportJob>")) {
      if (!body.contains("<dateRangeType>CUSTOM_DATE</dateRangeType>")
          || !body.contains("<dimensions>DATE</dimensions>")) {
        soapFault(ex, "ReportError.DIMENSION_VIEW_NOT_ALLOWED");
        return;
      }
      String start = body.substring(body.indexOf("<startDate>"), body.indexOf("</startDate>"));
      LocalDate day =
          LocalDate.of(
              Integer.parseInt(xml(start, "year")),
              Integer.parseInt(xml(start, "month")),
              Integer.parseInt(xml(start, "day")));
      String id = String.valueOf(ids.incrementAndGet());
      gamJobs.put(id, new String[] {network, day.toString()});
      answer =
          "<runReportJobResponse><rval><id>"
              + id
              + "</id><reportQuery/></rval></runReportJobResponse>";
    } else if (body.contains("<getReportJobStatus>")) {
      String id = xml(body, "reportJobId");
      int seen = looks.merge("gam/" + id, 1, Integer::sum);
      String network0 = gamJobs.get(id)[0];
      String status =
          endless.containsKey(network0) || seen <= pollsBeforeReady
              ? "IN_PROGRESS"
              : failing.containsKey(network0) ? "FAILED" : "COMPLETED";
      answer =
          "<getReportJobStatusResponse><rval>" + status + "</rval></getReportJobStatusResponse>";
    } else if (body.contains("<getReportDownloadUrlWithOptions>")) {
      String id = xml(body, "reportJobId");
      if (!"CSV_DUMP".equals(xml(body, "exportFormat"))
          || !"true".equals(xml(body, "useGzipCompression"))) {
        soapFault(ex, "ReportError.INVALID_EXPORT_FORMAT");
        return;
      }
      String[] job = gamJobs.get(id);
      byte[] csv =
          gamReports
              .getOrDefault(job[0], Map.of())
              .getOrDefault(LocalDate.parse(job[1]), new byte[0]);
      ByteArrayOutputStream gz = new ByteArrayOutputStream();
      try (GZIPOutputStream zip = new GZIPOutputStream(gz)) {
        zip.write(csv);
      }
      storage.put("gam-reports/" + id + ".csv.gz", gz.toByteArray());
      answer =
          "<getReportDownloadUrlWithOptionsResponse><rval>"
              + base
              + "storage/gam-reports/"
              + id
              + ".csv.gz?GoogleAccessId=x&amp;Signature=y</rval></getReportDownloadUrlWithOptionsResponse>";
    } else {
      soapFault(ex, "CommonError.NOT_FOUND");
      return;
    }
    send(
        ex,
        200,
        envelope(
            "<soap:Body>"
                + answer.replaceFirst("<(\\w+)>", "<$1 xmlns=\"" + GamApi.NAMESPACE + "\">")
                + "</soap:Body>"));
  }

  private static String envelope(String body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header><ResponseHeader xmlns=\""
        + GamApi.NAMESPACE
        + "\"><requestId>fake</requestId><responseTime>12</responseTime></ResponseHeader></soap:Header>"
        + body
        + "</soap:Envelope>";
  }

  private static void soapFault(HttpExchange ex, String error) throws IOException {
    ex.getResponseHeaders().add("Content-Type", "text/xml; charset=UTF-8");
    send(
        ex,
        500,
        envelope(
            "<soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>["
                + error
                + " @ ]</faultstring><detail><ApiExceptionFault xmlns=\""
                + GamApi.NAMESPACE
                + "\"><message>["
                + error
                + " @ ]</message><errors><errorString>"
                + error
                + "</errorString></errors></ApiExceptionFault></detail></soap:Fault></soap:Body>"));
  }

  private static String xml(String text, String element) {
    int start = text.indexOf("<" + element + ">");
    int end = text.indexOf("</" + element + ">");
    return start < 0 || end < start ? "" : text.substring(start + element.length() + 2, end);
  }

  // ----------------------------------------------------------------------------------------------
  // The Trade Desk

  private boolean ttdAuthorized(HttpExchange ex) throws IOException {
    String token = ex.getRequestHeaders().getFirst("TTD-Auth");
    if (!TTD_TOKEN.equals(token) || revoked.containsKey(token)) {
      send(
          ex,
          401,
          "{\"Message\":\"Authentication failed: the token is invalid or expired.\",\"ErrorDetails\":[]}");
      return false;
    }
    return true;
  }

  private void ttd(HttpExchange ex, String body) throws IOException {
    if (!ttdAuthorized(ex)) {
      return;
    }
    String ttdPath = ex.getRequestURI().getPath();
    if (ex.getRequestMethod().equals("POST")
        && (ttdPath.equals("/ttd/v3/campaign/query/advertiser")
            || ttdPath.equals("/ttd/v3/adgroup/query/advertiser"))) {
      ttdQuery(
          ex, JSON.readTree(body), ttdPath.contains("/campaign/") ? ttdCampaigns : ttdAdGroups);
      return;
    }
    if (!ttdPath.equals("/ttd/v3/myreports/reportexecution/query/advertisers")
        || !ex.getRequestMethod().equals("POST")) {
      send(ex, 404, "{\"Message\":\"No HTTP resource was found that matches the request URI.\"}");
      return;
    }
    JsonNode query = JSON.readTree(body);
    String advertiser = query.path("AdvertiserIds").path(0).asText();
    LocalDate spanStart =
        LocalDate.parse(query.path("ExecutionSpansStartDate").asText().substring(0, 10));
    int start = query.path("PageStartIndex").asInt();
    int size = query.path("PageSize").asInt();
    // Other schedules' executions come first, so the connector has to page and pick its schedule's.
    List<ObjectNode> executions = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      executions.add(
          execution(advertiser, "999" + i, spanStart, "Complete", "https://example.invalid/other"));
    }
    ttdReports.forEach(
        (key, days) -> {
          String[] parts = key.split("/");
          if (parts[0].equals(advertiser) && days.containsKey(spanStart)) {
            int seen = looks.merge("ttd/" + key + "/" + spanStart, 1, Integer::sum);
            if (seen > pollsBeforeReady || endless.containsKey(advertiser)) {
              String state =
                  endless.containsKey(advertiser)
                      ? "Pending"
                      : failing.containsKey(advertiser) ? "Failed" : "Complete";
              executions.add(
                  execution(
                      advertiser,
                      parts[1],
                      spanStart,
                      state,
                      base + "ttd-download/" + advertiser + "/" + parts[1] + "/" + spanStart));
            }
          }
        });
    // TTD API v3 query responses: ResultCount counts the rows of this page, TotalFilteredCount the
    // rows matching the query. Pages hold at most two rows here, so a connector that stops on
    // ResultCount misses the later pages.
    ArrayNode result = JSON.createArrayNode();
    executions.stream().skip(start).limit(Math.min(2, size)).forEach(result::add);
    ObjectNode page =
        JSON.createObjectNode()
            .put("ResultCount", result.size())
            .put("TotalFilteredCount", executions.size())
            .put("TotalUnfilteredCount", executions.size());
    page.set("Result", result);
    send(ex, 200, page.toString());
  }

  /**
   * A paged entity query: AdvertiserId, PageStartIndex and PageSize in, Result, ResultCount and the
   * totals out.
   */
  private static void ttdQuery(
      HttpExchange ex, JsonNode query, Map<String, List<JsonNode>> entities) throws IOException {
    if (!query.path("AdvertiserId").isTextual()
        || !query.path("PageStartIndex").isInt()
        || query.path("PageSize").asInt() < 1) {
      send(
          ex,
          400,
          "{\"Message\":\"The request is invalid.\",\"ErrorDetails\":[{\"Property\":\"PageSize\",\"Reasons\":[\"required\"]}]}");
      return;
    }
    List<JsonNode> all = entities.getOrDefault(query.path("AdvertiserId").asText(), List.of());
    // At most 2 per page, whatever was asked, so the connector has to page.
    int start = query.path("PageStartIndex").asInt();
    ArrayNode result = JSON.createArrayNode();
    all.stream()
        .skip(start)
        .limit(Math.min(2, query.path("PageSize").asInt()))
        .forEach(e -> result.add(e.deepCopy()));
    ObjectNode page =
        JSON.createObjectNode()
            .put("ResultCount", result.size())
            .put("TotalFilteredCount", all.size())
            .put("TotalUnfilteredCount", all.size());
    page.set("Result", result);
    send(ex, 200, page.toString());
  }

  private ObjectNode execution(
      String advertiser, String schedule, LocalDate day, String state, String url) {
    ObjectNode execution =
        JSON.createObjectNode()
            .put("ReportExecutionId", ids.incrementAndGet())
            .put("ReportExecutionState", state)
            .put("ReportScheduleId", Long.parseLong(schedule))
            .put("ReportScheduleName", "Daily delivery " + advertiser)
            .put("ReportStartDateInclusive", day + "T00:00:00")
            .put("ReportEndDateExclusive", day.plusDays(1) + "T00:00:00")
            .put("Timezone", "UTC");
    ArrayNode deliveries = execution.putArray("ReportDeliveries");
    if ("Complete".equals(state)) {
      deliveries
          .addObject()
          .put("DeliveryId", ids.incrementAndGet())
          .put("DownloadURL", url)
          .put("DeliveredPath", (String) null);
    }
    return execution;
  }

  private void ttdDownload(HttpExchange ex, String body) throws IOException {
    if (!ttdAuthorized(ex)) {
      return;
    }
    String[] parts = ex.getRequestURI().getPath().substring("/ttd-download/".length()).split("/");
    byte[] file =
        ttdReports.getOrDefault(parts[0] + "/" + parts[1], Map.of()).get(LocalDate.parse(parts[2]));
    if (file == null) {
      send(ex, 404, "{\"Message\":\"Report not found\"}");
      return;
    }
    ex.sendResponseHeaders(200, file.length == 0 ? -1 : file.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(file);
    }
  }

  // ----------------------------------------------------------------------------------------------
  // Meta Graph API

  private void graph(HttpExchange ex, String body) throws IOException {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : "";
    if (!META_TOKEN.equals(token) || revoked.containsKey(token)) {
      send(
          ex,
          400,
          "{\"error\":{\"message\":\"Error validating access token: The session has been invalidated because the user changed their password.\",\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":460,\"fbtrace_id\":\"AbC\"}}");
      return;
    }
    if (metaThrottles.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      send(
          ex,
          400,
          "{\"error\":{\"message\":\"(#17) User request limit reached\",\"type\":\"OAuthException\",\"is_transient\":true,\"code\":17,\"error_subcode\":2446079,\"fbtrace_id\":\"AbD\"}}");
      return;
    }
    // The Graph API as facebook-business 26.0.3 defines it: its version, and its objects' fields.
    String[] versioned = ex.getRequestURI().getPath().substring("/graph/".length()).split("/", 2);
    Optional<String> refused = GraphApiContract.versionRefusal(versioned[0]);
    String path = versioned.length > 1 ? versioned[1] : "";
    String object =
        path.matches("act_\\d+/insights")
            ? "adsinsights"
            : path.matches("act_\\d+/adsets") ? "adset" : null;
    if (refused.isEmpty() && object != null) {
      refused =
          GraphApiContract.fieldRefusal(
              object,
              ex.getRequestMethod().equals("POST")
                  ? form(body).getOrDefault("fields", "")
                  : query(ex).getOrDefault("fields", ""));
    }
    if (refused.isPresent()) {
      send(ex, 400, refused.get());
      return;
    }
    if (path.matches("act_\\d+") && ex.getRequestMethod().equals("GET")) {
      String currency = metaCurrencies.get(path.substring(4));
      if (currency == null || !"currency".equals(query(ex).get("fields"))) {
        send(
            ex,
            400,
            "{\"error\":{\"message\":\"(#100) Tried accessing nonexisting field\",\"type\":\"OAuthException\",\"code\":100,\"fbtrace_id\":\"AbG\"}}");
        return;
      }
      send(ex, 200, JSON.createObjectNode().put("currency", currency).put("id", path).toString());
      return;
    }
    if (path.matches("act_\\d+/adsets") && ex.getRequestMethod().equals("GET")) {
      if (!query(ex).getOrDefault("fields", "").contains("lifetime_budget")) {
        send(
            ex,
            400,
            "{\"error\":{\"message\":\"(#100) Invalid parameter\",\"type\":\"OAuthException\",\"code\":100,\"fbtrace_id\":\"AbH\"}}");
        return;
      }
      cursorPage(
          ex,
          metaAdSets.getOrDefault(path.substring(4, path.indexOf('/')), List.of()),
          path,
          token);
      return;
    }
    if (path.matches("act_\\d+/insights") && ex.getRequestMethod().equals("POST")) {
      Map<String, String> form = form(body);
      JsonNode range = JSON.readTree(form.getOrDefault("time_range", "{}"));
      if (!"ad".equals(form.get("level"))
          || !"1".equals(form.get("time_increment"))
          || !range.has("since")
          || !form.getOrDefault("fields", "").contains("spend")) {
        send(
            ex,
            400,
            "{\"error\":{\"message\":\"(#100) Invalid parameter\",\"type\":\"OAuthException\",\"code\":100,\"fbtrace_id\":\"AbE\"}}");
        return;
      }
      String run = String.valueOf(ids.incrementAndGet()) + "0000";
      ObjectNode job =
          JSON.createObjectNode()
              .put("account", path.substring(4, path.indexOf('/')))
              .put("since", range.path("since").asText())
              .put("until", range.path("until").asText());
      metaJobs.put(run, job);
      send(ex, 200, "{\"report_run_id\":\"" + run + "\"}");
    } else if (path.matches("\\d+") && ex.getRequestMethod().equals("GET")) {
      JsonNode job = metaJobs.get(path);
      String account = job.path("account").asText();
      int seen = looks.merge("meta/" + path, 1, Integer::sum);
      ObjectNode status =
          JSON.createObjectNode()
              .put("id", path)
              .put("account_id", account)
              .put("time_ref", Instant.now().getEpochSecond())
              .put("date_start", job.path("since").asText())
              .put("date_stop", job.path("until").asText());
      if (endless.containsKey(account) || seen <= pollsBeforeReady) {
        status
            .put("async_status", seen == 1 ? "Job Not Started" : "Job Running")
            .put("async_percent_completion", seen == 1 ? 0 : 50);
      } else if (failing.containsKey(account)) {
        status
            .put("async_status", "Job Failed")
            .put("async_percent_completion", 0)
            .put("error_code", 2)
            .put("error_message", "Service temporarily unavailable");
      } else {
        status.put("async_status", "Job Completed").put("async_percent_completion", 100);
      }
      send(ex, 200, status.toString());
    } else if (path.matches("\\d+/insights") && ex.getRequestMethod().equals("GET")) {
      JsonNode job = metaJobs.get(path.substring(0, path.indexOf('/')));
      LocalDate since = LocalDate.parse(job.path("since").asText());
      LocalDate until = LocalDate.parse(job.path("until").asText());
      List<JsonNode> rows =
          metaRows.getOrDefault(job.path("account").asText(), List.of()).stream()
              .filter(
                  r ->
                      !LocalDate.parse(r.path("date_start").asText()).isBefore(since)
                          && !LocalDate.parse(r.path("date_start").asText()).isAfter(until))
              .toList();
      cursorPage(ex, rows, path, token);
    } else {
      send(
          ex,
          400,
          "{\"error\":{\"message\":\"Unsupported request\",\"type\":\"GraphMethodException\",\"code\":100,\"fbtrace_id\":\"AbF\"}}");
    }
  }

  /**
   * One page of a Graph edge, paged by base64 cursors
   * (developers.facebook.com/docs/graph-api/results).
   */
  private void cursorPage(HttpExchange ex, List<JsonNode> rows, String path, String token)
      throws IOException {
    String after = query(ex).get("after");
    int from =
        after == null
            ? 0
            : Integer.parseInt(
                new String(Base64.getDecoder().decode(after), StandardCharsets.UTF_8));
    int to =
        Math.min(
            rows.size(),
            from + Math.min(pageSize, Integer.parseInt(query(ex).getOrDefault("limit", "25"))));
    ObjectNode page = JSON.createObjectNode();
    ArrayNode data = page.putArray("data");
    rows.subList(from, to).forEach(r -> data.add(r.deepCopy()));
    ObjectNode paging = page.putObject("paging");
    paging
        .putObject("cursors")
        .put(
            "before",
            Base64.getEncoder()
                .encodeToString(String.valueOf(from).getBytes(StandardCharsets.UTF_8)))
        .put(
            "after",
            Base64.getEncoder()
                .encodeToString(String.valueOf(to).getBytes(StandardCharsets.UTF_8)));
    if (to < rows.size()) {
      // A full URL as Meta gives it, to another host than the one configured: the connector must
      // not follow it.
      paging.put(
          "next",
          "https://graph.facebook.com/"
              + MetaApi.VERSION
              + "/"
              + path
              + "?after=x&access_token="
              + token);
    }
    send(ex, 200, page.toString());
  }

  // ----------------------------------------------------------------------------------------------
  // Salesforce

  private static final String SF_401 =
      "[{\"message\":\"Session expired or invalid\",\"errorCode\":\""
          + SalesforceApi.INVALID_SESSION
          + "\"}]";

  private void salesforce(HttpExchange ex, String body) throws IOException {
    String path = ex.getRequestURI().getPath().substring("/sf/".length());
    if (path.equals("services/oauth2/token")) {
      JsonNode claims = verifiedClaims(form(body));
      String user = claims == null ? "" : claims.path("sub").asText();
      if (claims == null
          || !claims.path("aud").asText().equals(base + "sf")
          || !"3MVG9fake".equals(claims.path("iss").asText())) {
        send(ex, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"invalid assertion\"}");
      } else if (revoked.containsKey(user)) {
        send(
            ex,
            400,
            "{\"error\":\"invalid_grant\",\"error_description\":\"user hasn't approved this consumer\"}");
      } else {
        send(
            ex,
            200,
            "{\"access_token\":\""
                + issue(user)
                + "\",\"scope\":\"api\",\"instance_url\":\""
                + base
                + "sf-instance/"
                + user.replaceAll("[^a-z]", "")
                + "\",\"id\":\"https://login.salesforce.com/id/00D/005\",\"token_type\":\"Bearer\"}");
      }
      return;
    }
    send(
        ex,
        404,
        "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]");
  }

  private void salesforceInstance(HttpExchange ex, String body) throws IOException {
    String user = bearer(ex, SF_401);
    if (user == null) {
      return;
    }
    String prefix =
        "/sf-instance/"
            + user.replaceAll("[^a-z]", "")
            + "/services/data/"
            + SalesforceApi.VERSION
            + "/jobs/query";
    String path = ex.getRequestURI().getPath();
    if (!path.startsWith(prefix)) {
      send(
          ex,
          404,
          "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]");
      return;
    }
    String rest = path.substring(prefix.length());
    if (rest.isEmpty() && ex.getRequestMethod().equals("POST")) {
      JsonNode job = JSON.readTree(body);
      if (!"query".equals(job.path("operation").asText())
          || !job.path("query").asText().startsWith("SELECT ")) {
        send(ex, 400, "[{\"errorCode\":\"INVALIDJOB\",\"message\":\"Invalid job\"}]");
        return;
      }
      String id = "750R0000000" + ids.incrementAndGet();
      sfJobs.put(id, user);
      send(
          ex,
          200,
          JSON.createObjectNode()
              .put("id", id)
              .put("operation", "query")
              .put("object", "OpportunityLineItem")
              .put("state", "UploadComplete")
              .put("concurrencyMode", "Parallel")
              .put("contentType", "CSV")
              .put("apiVersion", 62.0)
              .put("lineEnding", "LF")
              .put("columnDelimiter", "COMMA")
              .toString());
    } else if (rest.matches("/\\w+") && ex.getRequestMethod().equals("GET")) {
      String id = rest.substring(1);
      int seen = looks.merge("sf/" + id, 1, Integer::sum);
      ObjectNode job = JSON.createObjectNode().put("id", id).put("operation", "query");
      if (endless.containsKey(user) || seen <= pollsBeforeReady) {
        job.put("state", seen == 1 ? "UploadComplete" : "InProgress");
      } else if (failing.containsKey(user)) {
        job.put("state", "Failed")
            .put(
                "errorMessage",
                "INVALID_FIELD: No such column 'Platform__c' on entity 'OpportunityLineItem'");
      } else {
        job.put("state", "JobComplete").put("numberRecordsProcessed", 0);
      }
      send(ex, 200, job.toString());
    } else if (rest.matches("/\\w+/results")) {
      String[] lines = salesforceBookings.getOrDefault(user, "").split("\n");
      String locator = query(ex).get("locator");
      int from =
          locator == null
              ? 1
              : Integer.parseInt(
                  new String(Base64.getDecoder().decode(locator), StandardCharsets.UTF_8));
      int to = Math.min(lines.length, from + pageSize);
      StringBuilder csv = new StringBuilder(lines[0]).append('\n');
      for (int i = from; i < to; i++) {
        csv.append(lines[i]).append('\n');
      }
      ex.getResponseHeaders().add("Content-Type", "text/csv");
      ex.getResponseHeaders().add("Sforce-NumberOfRecords", String.valueOf(to - from));
      ex.getResponseHeaders()
          .add(
              "Sforce-Locator",
              to < lines.length
                  ? Base64.getEncoder()
                      .encodeToString(String.valueOf(to).getBytes(StandardCharsets.UTF_8))
                  : "null");
      send(ex, 200, csv.toString());
    } else {
      send(
          ex,
          404,
          "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]");
    }
  }

  // ----------------------------------------------------------------------------------------------
  // plumbing

  private interface Handler {
    void handle(HttpExchange ex, String body) throws IOException;
  }

  /**
   * Google's discovery documents (google-api-python-client 2.202.0): every request to the Bid
   * Manager and Display &amp; Video 360 fakes is checked against them first, as Google's front end
   * checks it.
   */
  private static final GoogleApiContract BID_MANAGER =
      GoogleApiContract.of("doubleclickbidmanager.v2");

  private static final GoogleApiContract DISPLAY_VIDEO = GoogleApiContract.of("displayvideo.v4");

  /**
   * The handler behind the API's contract: a request whose method, path, parameter, field or enum
   * value the discovery document lacks (or marks deprecated) gets Google's own error.
   *
   * @param root the fake's stand-in for the API's root URL
   */
  private static Handler checked(GoogleApiContract contract, String root, Handler handler) {
    return (ex, body) -> {
      Optional<GoogleApiContract.Refusal> refused =
          contract.check(
              ex.getRequestMethod(),
              ex.getRequestURI().getPath().substring(root.length()),
              ex.getRequestURI().getRawQuery(),
              body);
      if (refused.isPresent()) {
        send(ex, refused.get().status(), refused.get().body());
      } else {
        handler.handle(ex, body);
      }
    };
  }

  private void guard(HttpExchange ex, Handler handler) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    URI uri = ex.getRequestURI();
    requests.add(
        ex.getRequestMethod()
            + " "
            + uri.getPath()
            + (uri.getQuery() == null ? "" : "?" + uri.getQuery()));
    try {
      handler.handle(ex, body);
    } catch (RuntimeException e) {
      send(ex, 500, "{\"error\":\"" + e + "\"}");
    }
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (!ex.getResponseHeaders().containsKey("Content-Type")) {
      ex.getResponseHeaders()
          .add("Content-Type", body.startsWith("<") ? "application/xml" : "application/json");
    }
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  private static Map<String, String> query(HttpExchange ex) {
    String raw = ex.getRequestURI().getRawQuery();
    return raw == null ? Map.of() : form(raw);
  }

  private static byte[] md5(byte[] bytes) {
    try {
      return MessageDigest.getInstance("MD5").digest(bytes);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.adlake.platforms.dv360;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adlake.platforms.fetch.FetchException;
import io.adlake.platforms.fetch.OrgFetch;
import io.adlake.platforms.fetch.ReportFetcher;
import io.adlake.platforms.fetch.ReportPoll;
import io.adlake.platforms.fetch.ReportShape;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * DV360 delivery through the Bid Manager API v2
 * (developers.google.com/bid-manager/reference/rest/v2):
 *
 * <ol>
 *   <li>the org's query, found by its title among {@code GET queries} (paged with {@code
 *       nextPageToken}) or created with {@code POST queries}: a STANDARD report of the advertiser,
 *       CSV, the dimensions and metrics bronze reads;
 *   <li>{@code POST queries/{queryId}:run} once per report day, a CUSTOM_DATES range of that day,
 *       so each day is its own file and a day the platform did not restate stays byte for byte what
 *       landed;
 *   <li>{@code GET queries/{queryId}/reports/{reportId}} until {@code metadata.status.state} is
 *       DONE (FAILED ends it);
 *   <li>the file from {@code metadata.googleCloudStoragePath}, a signed Cloud Storage URL: no token
 *       is sent to it, and the MD5 Cloud Storage gives in {@code x-goog-hash} is checked.
 * </ol>
 */
final class Dv360ReportFetch implements ReportFetcher {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void fetch(OrgFetch fetch) {
    String advertiser = fetch.requireAccount("the DV360 advertiser id");
    String queryId = query(fetch, advertiser);
    Map<LocalDate, String> runs = new LinkedHashMap<>();
    for (LocalDate day = fetch.first(); !day.isAfter(fetch.last()); day = day.plusDays(1)) {
      ObjectNode body = JSON.createObjectNode();
      body.set("dataRange", range(day));
      JsonNode report =
          fetch
              .calls()
              .postJson(
                  fetch.base().resolve("queries/" + queryId + ":run?synchronous=false"),
                  body.toString(),
                  "run query " + queryId + " for " + day);
      runs.put(day, report.path("key").path("reportId").asText());
    }
    for (Map.Entry<LocalDate, String> run : runs.entrySet()) {
      LocalDate day = run.getKey();
      String what =
          "DV360 report "
              + run.getValue()
              + " of query "
              + queryId
              + " for "
              + day
              + " ("
              + fetch.calls().scope()
              + ")";
      JsonNode metadata =
          fetch
              .poll()
              .until(
                  what,
                  () -> {
                    JsonNode report =
                        fetch
                            .calls()
                            .get(
                                fetch
                                    .base()
                                    .resolve("queries/" + queryId + "/reports/" + run.getValue()),
                                "report " + run.getValue());
                    JsonNode status = report.path("metadata").path("status");
                    String state = status.path("state").asText("STATE_UNSPECIFIED");
                    if (BidManagerApi.FAILED.equals(state)) {
                      throw new FetchException(
                          FetchException.Kind.PLATFORM,
                          what + " failed on the platform: " + status.path("failure"),
                          null);
                    }
                    return BidManagerApi.DONE.equals(state)
                        ? ReportPoll.done(report.path("metadata"))
                        : ReportPoll.notYet(state);
                  });
      String path = metadata.path("googleCloudStoragePath").asText("");
      if (!path.startsWith("https://") && !path.startsWith("http://")) {
        throw new FetchException(
            FetchException.Kind.PLATFORM,
            what + " is DONE but names no googleCloudStoragePath",
            null);
      }
      Path file = fetch.scratch().resolve("dv360-" + day + ".csv");
      HttpResponse<String> download =
          fetch.calls().download(URI.create(path), file, false, "download " + what);
      checkMd5(download, file, what);
      fetch.land(day, "csv", file, ReportShape.DV360_CSV);
    }
  }

  /** The id of the org's query: adlake's by title, else a new one. */
  private static String query(OrgFetch fetch, String advertiser) {
    String title = "adlake delivery " + advertiser;
    String page = null;
    do {
      URI uri =
          fetch
              .base()
              .resolve(
                  "queries?pageSize=100"
                      + (page == null
                          ? ""
                          : "&pageToken=" + URLEncoder.encode(page, StandardCharsets.UTF_8)));
      JsonNode list = fetch.calls().get(uri, "list queries");
      for (JsonNode query : list.path("queries")) {
        if (title.equals(query.path("metadata").path("title").asText())) {
          return query.path("queryId").asText();
        }
      }
      page = list.path("nextPageToken").asText(null);
    } while (page != null && !page.isEmpty());
    ObjectNode query = JSON.createObjectNode();
    ObjectNode metadata = query.putObject("metadata").put("title", title).put("format", "CSV");
    metadata.putObject("dataRange").put("range", "PREVIOUS_DAY");
    ObjectNode params = query.putObject("params").put("type", "STANDARD");
    ArrayNode groupBys = params.putArray("groupBys");
    BidManagerApi.GROUP_BYS.forEach(groupBys::add);
    params
        .putArray("filters")
        .addObject()
        .put("type", "FILTER_ADVERTISER")
        .put("value", advertiser);
    ArrayNode metrics = params.putArray("metrics");
    BidManagerApi.METRICS.forEach(metrics::add);
    query.putObject("schedule").put("frequency", "ONE_TIME");
    String id =
        fetch
            .calls()
            .postJson(
                fetch.base().resolve("queries"), query.toString(), "create query '" + title + "'")
            .path("queryId")
            .asText("");
    if (id.isEmpty()) {
      throw new FetchException(
          FetchException.Kind.PLATFORM,
          "Bid Manager created query '"
              + title
              + "' but returned no queryId ("
              + fetch.calls().scope()
              + ")",
          null);
    }
    return id;
  }

  private static ObjectNode range(LocalDate day) {
    ObjectNode range = JSON.createObjectNode().put("range", "CUSTOM_DATES");
    range.set("customStartDate", date(day));
    range.set("customEndDate", date(day));
    return range;
  }

  private static ObjectNode date(LocalDate day) {
    return JSON.createObjectNode()
        .put("year", day.getYear())
        .put("month", day.getMonthValue())
        .put("day", day.getDayOfMonth());
  }

  /**
   * Cloud Storage's {@code x-goog-hash: crc32c=..., md5=...} (base64): a download that does not
   * match is not the report.
   */
  private static void checkMd5(HttpResponse<String> download, Path file, String what) {
    Optional<String> md5 =
        download.headers().allValues("x-goog-hash").stream()
            .flatMap(h -> Arrays.stream(h.split(",")))
            .map(String::strip)
            .filter(h -> h.startsWith("md5="))
            .map(h -> h.substring(4))
            .findFirst();
    if (md5.isEmpty()) {
      return;
    }
    try {
      MessageDigest digest = MessageDigest.getInstance("MD5");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      String actual = Base64.getEncoder().encodeToString(digest.digest());
      if (!actual.equals(md5.get())) {
        throw new FetchException(
            FetchException.Kind.TRUNCATED,
            what
                + ": the download's MD5 "
                + actual
                + " is not the "
                + md5.get()
                + " Cloud Storage gave; nothing was landed",
            null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.adlake.platforms.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adlake.platforms.fetch.FetchException;
import io.adlake.platforms.fetch.OrgFetch;
import io.adlake.platforms.fetch.ReportFetcher;
import io.adlake.platforms.fetch.ReportPoll;
import io.adlake.platforms.fetch.ReportShape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;

/**
 * Bookings from Salesforce through a Bulk API 2.0 query job
 * (developers.salesforce.com/docs/atlas.en-us.api_asynch. meta/api_asynch/queries.htm): {@code POST
 * jobs/query} with the bookings SOQL, {@code GET jobs/query/<id>} until {@code state} is
 * JobComplete (Failed and Aborted end it, with {@code errorMessage}), then {@code GET
 * jobs/query/<id>/results} page by page with the {@code Sforce-Locator} of the last page until it
 * is "null". Every page is a CSV with its own header; the file keeps the first. Bookings are a
 * snapshot of what is sold, not a day's delivery: one file for the fetched day, no restatement
 * window.
 */
final class SalesforceBookingsFetch implements ReportFetcher {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PAGE = 50_000;

  @Override
  public void fetch(OrgFetch fetch) {
    if (!(fetch.token() instanceof SalesforceSession session)) {
      throw new IllegalStateException("bookings are fetched with a Salesforce session");
    }
    URI jobs = session.instance().resolve("services/data/" + SalesforceApi.VERSION + "/jobs/query");
    String body =
        JSON.createObjectNode()
            .put("operation", "query")
            .put("query", SalesforceApi.BOOKINGS_SOQL)
            .toString();
    String id =
        fetch.calls().postJson(jobs, body, "create the bookings query job").path("id").asText("");
    if (!id.matches("[A-Za-z0-9]{15,18}")) {
      throw new FetchException(
          FetchException.Kind.PLATFORM,
          "Salesforce created no query job (" + fetch.calls().scope() + ")",
          null);
    }
    URI job = URI.create(jobs + "/" + id);
    String what = "Salesforce query job " + id + " (" + fetch.calls().scope() + ")";
    fetch
        .poll()
        .until(
            what,
            () -> {
              JsonNode state = fetch.calls().get(job, "state of query job " + id);
              String name = state.path("state").asText("");
              if (SalesforceApi.JOB_ENDED_BADLY.contains(name)) {
                throw new FetchException(
                    FetchException.Kind.PLATFORM,
                    what
                        + " ended "
                        + name
                        + ": "
                        + state.path("errorMessage").asText("no message"),
                    null);
              }
              return SalesforceApi.JOB_COMPLETE.equals(name)
                  ? ReportPoll.done(state)
                  : ReportPoll.notYet(name);
            });

    LocalDate day = fetch.last();
    Path file = fetch.scratch().resolve("bookings-" + day + ".csv");
    String locator = null;
    boolean first = true;
    try {
      Files.deleteIfExists(file);
      do {
        URI page =
            URI.create(
                job
                    + "/results?maxRecords="
                    + PAGE
                    + (locator == null
                        ? ""
                        : "&locator=" + URLEncoder.encode(locator, StandardCharsets.UTF_8)));
        HttpResponse<String> answer =
            fetch
                .calls()
                .send(
                    b -> b.uri(page).header("Accept", "text/csv").GET(),
                    "results of query job " + id);
        String csv = answer.body();
        if (!first) {
          int header = csv.indexOf('\n');
          csv = header < 0 ? "" : csv.substring(header + 1);
        }
        Files.writeString(file, csv, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        first = false;
        locator =
            answer
                .headers()
                .firstValue("Sforce-Locator")
                .filter(l -> !l.isBlank() && !SalesforceApi.LAST_PAGE.equals(l))
                .orElse(null);
      } while (locator != null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    fetch.land(day, "csv", file, ReportShape.CSV);
  }
}

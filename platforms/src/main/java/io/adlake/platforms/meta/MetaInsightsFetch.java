package io.adlake.platforms.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.adlake.platforms.fetch.FetchException;
import io.adlake.platforms.fetch.OrgFetch;
import io.adlake.platforms.fetch.ReportFetcher;
import io.adlake.platforms.fetch.ReportPoll;
import io.adlake.platforms.fetch.ReportShape;
import io.adlake.platforms.http.PlatformClient;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Meta delivery through an asynchronous Insights job
 * (developers.facebook.com/docs/marketing-api/insights/ best-practices#asynchronous):
 *
 * <ol>
 *   <li>{@code POST act_<id>/insights} with {@code level=ad}, {@code time_increment=1}, the window
 *       as {@code time_range} and the fields bronze reads: one job for every day of the window,
 *       answered with a {@code report_run_id};
 *   <li>{@code GET <report_run_id>} until {@code async_status} is "Job Completed" ("Job Failed" and
 *       "Job Skipped" end it, with the {@code error_message} Graph API v25.0 and later add);
 *   <li>{@code GET <report_run_id>/insights} page by page, following {@code paging.cursors.after}
 *       while {@code paging.next} is there (the cursor is sent to the configured host, never to a
 *       URL the answer names);
 *   <li>each row to the file of its {@code date_start}, one JSON object per line, the shape bronze
 *       reads.
 * </ol>
 *
 * <p>Throttling (codes 17, 613, 80000-80014 in the body) is retried by the shared client; code 190
 * refuses the token.
 */
final class MetaInsightsFetch implements ReportFetcher {
  private static final int PAGE = 500;

  @Override
  public void fetch(OrgFetch fetch) {
    String node = MetaApi.adAccountNode(fetch.requireAccount("the Meta ad account id"));
    String form =
        form(
            Map.of(
                "level",
                "ad",
                "time_increment",
                "1",
                "time_range",
                "{\"since\":\"" + fetch.first() + "\",\"until\":\"" + fetch.last() + "\"}",
                "fields",
                String.join(",", MetaApi.INSIGHTS_FIELDS)));
    JsonNode started =
        PlatformClient.json(
            fetch
                .calls()
                .send(
                    b ->
                        b.uri(fetch.base().resolve(node + "/insights"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)),
                    "start an Insights job for " + node)
                .body());
    String run = started.path("report_run_id").asText("");
    if (!run.matches("[0-9]{1,30}")) {
      throw new FetchException(
          FetchException.Kind.PLATFORM,
          "Meta started no Insights job for "
              + node
              + " ("
              + fetch.calls().scope()
              + "): "
              + started,
          null);
    }
    String what = "Meta Insights job " + run + " (" + fetch.calls().scope() + ")";
    fetch
        .poll()
        .until(
            what,
            () -> {
              JsonNode job =
                  fetch.calls().get(fetch.base().resolve(run), "status of Insights job " + run);
              String status = job.path("async_status").asText("");
              if (MetaApi.JOB_ENDED_BADLY.contains(status)) {
                String error =
                    job.has("error_message")
                        ? ": error "
                            + job.path("error_code").asText()
                            + " "
                            + job.path("error_message").asText()
                        : "";
                throw new FetchException(
                    FetchException.Kind.PLATFORM, what + " ended '" + status + "'" + error, null);
              }
              return MetaApi.JOB_COMPLETED.equals(status)
                  ? ReportPoll.done(job)
                  : ReportPoll.notYet(
                      status + " " + job.path("async_percent_completion").asText("?") + "%");
            });

    // Each row straight to its day's file: a 28-day window of an account with many ads is not held
    // in memory.
    Map<LocalDate, Path> files = new TreeMap<>();
    Map<LocalDate, BufferedWriter> writers = new TreeMap<>();
    try {
      for (LocalDate day = fetch.first(); !day.isAfter(fetch.last()); day = day.plusDays(1)) {
        files.put(day, fetch.scratch().resolve("meta-" + day + ".json"));
        writers.put(day, Files.newBufferedWriter(files.get(day), StandardCharsets.UTF_8));
      }
      String after = null;
      do {
        URI page =
            fetch
                .base()
                .resolve(
                    run
                        + "/insights?limit="
                        + PAGE
                        + (after == null
                            ? ""
                            : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)));
        JsonNode answer = fetch.calls().get(page, "results of Insights job " + run);
        for (JsonNode row : answer.path("data")) {
          LocalDate day =
              LocalDate.parse(row.path(MetaInsightsField.DATE_START.fieldName()).asText());
          BufferedWriter out = writers.get(day);
          if (out == null) {
            throw new FetchException(
                FetchException.Kind.PLATFORM,
                what
                    + " returned a row of "
                    + day
                    + ", outside "
                    + fetch.first()
                    + " to "
                    + fetch.last(),
                null);
          }
          out.write(row.toString());
          out.write('\n');
        }
        after =
            answer.path("paging").has("next")
                ? answer.path("paging").path("cursors").path("after").asText(null)
                : null;
      } while (after != null);
      for (BufferedWriter out : writers.values()) {
        out.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (BufferedWriter out : writers.values()) {
        try {
          out.close();
        } catch (IOException ignored) {
          // only after a failure (the writers were closed before landing): the scratch folder goes
          // with the fetch
        }
      }
    }
    for (Map.Entry<LocalDate, Path> day : files.entrySet()) {
      fetch.land(day.getKey(), "json", day.getValue(), ReportShape.JSON_LINES);
    }
  }

  private static String form(Map<String, String> fields) {
    StringBuilder out = new StringBuilder();
    new TreeMap<>(fields)
        .forEach(
            (k, v) ->
                out.append(out.isEmpty() ? "" : "&")
                    .append(k)
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return out.toString();
  }
}

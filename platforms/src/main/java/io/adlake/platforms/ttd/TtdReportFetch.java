package io.adlake.platforms.ttd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adlake.platforms.fetch.FetchException;
import io.adlake.platforms.fetch.OrgFetch;
import io.adlake.platforms.fetch.ReportFetcher;
import io.adlake.platforms.fetch.ReportPoll;
import io.adlake.platforms.fetch.ReportShape;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The Trade Desk delivery from MyReports
 * (api.thetradedesk.com/v3/doc/api/post-myreports-reportexecution-query- advertisers; the shapes of
 * TTD's own MyReports sample script): the org's scheduled report runs on TTD every day; adlake
 * finds the execution of each report day among {@code POST
 * myreports/reportexecution/query/advertisers} (paged by {@code PageStartIndex}), waits while it is
 * not "Complete" (or not there yet: the schedule may run later in the morning), and downloads its
 * last delivery's {@code DownloadURL} with the {@code TTD-Auth} header.
 */
final class TtdReportFetch implements ReportFetcher {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void fetch(OrgFetch fetch) {
    String advertiser = fetch.requireAccount("the TTD advertiser id");
    String schedule = fetch.account().reportSchedule();
    if (schedule == null) {
      throw new IllegalStateException(
          "conf/connectors.yaml: orgs."
              + fetch.org()
              + ".ttd names no report_schedule (the MyReports schedule to fetch)");
    }
    for (LocalDate day = fetch.first(); !day.isAfter(fetch.last()); day = day.plusDays(1)) {
      LocalDate reportDay = day;
      String what =
          "TTD MyReports schedule " + schedule + " for " + day + " (" + fetch.calls().scope() + ")";
      JsonNode execution =
          fetch
              .poll()
              .until(
                  what,
                  () -> {
                    Optional<JsonNode> found = execution(fetch, advertiser, schedule, reportDay);
                    if (found.isEmpty()) {
                      return ReportPoll.notYet("no execution yet");
                    }
                    String state = found.get().path("ReportExecutionState").asText("");
                    if (TtdApi.EXECUTION_FAILED.equals(state)) {
                      throw new FetchException(
                          FetchException.Kind.PLATFORM,
                          what
                              + ": execution "
                              + found.get().path("ReportExecutionId").asText()
                              + " failed on TTD",
                          null);
                    }
                    return TtdApi.EXECUTION_COMPLETE.equals(state)
                        ? ReportPoll.done(found.get())
                        : ReportPoll.notYet(state);
                  });
      JsonNode deliveries = execution.path("ReportDeliveries");
      String url =
          deliveries.isEmpty()
              ? ""
              : deliveries.get(deliveries.size() - 1).path("DownloadURL").asText("");
      if (!url.startsWith("https://") && !url.startsWith("http://")) {
        throw new FetchException(
            FetchException.Kind.PLATFORM, what + " is Complete but has no DownloadURL", null);
      }
      Path file = fetch.scratch().resolve("ttd-" + day + ".csv");
      URI download = URI.create(url);
      fetch
          .calls()
          .download(download, file, TtdApi.ownHost(download, fetch.base()), "download " + what);
      fetch.land(day, "csv", file, ReportShape.CSV);
    }
  }

  /** The newest execution of the schedule whose report starts on the day, if TTD has run it. */
  private static Optional<JsonNode> execution(
      OrgFetch fetch, String advertiser, String schedule, LocalDate day) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("AdvertiserIds").add(advertiser);
    body.put("ExecutionSpansStartDate", day + "T00:00:00Z")
        .put("ExecutionSpansEndDate", day.plusDays(2) + "T00:00:00Z");
    JsonNode[] newest = {null};
    TtdPagedQuery.each(
        fetch,
        "myreports/reportexecution/query/advertisers",
        body,
        execution -> {
          boolean ours = schedule.equals(execution.path("ReportScheduleId").asText());
          boolean ofDay =
              execution.path("ReportStartDateInclusive").asText("").startsWith(day.toString());
          if (ours
              && ofDay
              && (newest[0] == null
                  || execution.path("ReportExecutionId").asLong()
                      > newest[0].path("ReportExecutionId").asLong())) {
            newest[0] = execution;
          }
        });
    return Optional.ofNullable(newest[0]);
  }
}

package io.adlake.jobs.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.SharedSpark;
import io.adlake.catalog.tables.TableWrites;
import io.adlake.jobs.Progress;
import io.adlake.jobs.TestLanding;
import io.adlake.jobs.alerts.AlertsJob;
import io.adlake.model.Tables;
import io.adlake.model.config.AlertSettings;
import io.adlake.model.config.NotifySettings;
import io.adlake.model.config.NotifyTarget;
import io.adlake.model.config.OrgAlertSettings;
import io.adlake.platforms.notify.DigestLine;
import io.adlake.transforms.alerts.AlertLifecycle;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Digests delivered to a real HTTP server standing in for Slack's webhook endpoint and a real SMTP
 * server (GreenMail), both on 127.0.0.1: retries, Retry-After, a channel that fails while the other
 * delivers, and an alert that is told once.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotifyJobTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 7);

  private Lakehouse lakehouse;
  private HttpServer slack;
  private final Deque<Integer> slackAnswers = new ConcurrentLinkedDeque<>();
  private final List<String> slackBodies = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> slackTimes = Collections.synchronizedList(new ArrayList<>());
  private GreenMail smtp;
  private String webhook;

  @BeforeAll
  void startServers() throws IOException {
    lakehouse = SharedSpark.newLakehouse();
    slack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    slack.createContext(
        "/services/T000/B000/secret-token",
        exchange -> {
          slackBodies.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          slackTimes.add(System.nanoTime());
          int status = slackAnswers.isEmpty() ? 200 : slackAnswers.poll();
          byte[] body =
              (status == 200
                      ? "ok"
                      : status == 404
                          ? "no_service"
                          : status == 429 ? "rate_limited" : "service_unavailable")
                  .getBytes(StandardCharsets.UTF_8);
          if (status == 429) {
            exchange.getResponseHeaders().add("Retry-After", "1");
          }
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    slack.start();
    webhook =
        "http://127.0.0.1:" + slack.getAddress().getPort() + "/services/T000/B000/secret-token";
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();

    lakehouse.ensure(Tables.ALERTS, AlertLifecycle.SCHEMA);
    TableWrites.append(
        lakehouse,
        Tables.ALERTS,
        lakehouse
            .spark()
            .createDataFrame(
                List.of(alert("a1", "open"), alert("a2", "open")), AlertLifecycle.SCHEMA),
        "test");
  }

  @AfterAll
  void stopServers() {
    slack.stop(0);
    smtp.stop();
  }

  @Test
  @Order(1)
  void aDigestReachesSlackAfterRetriesAndTheMailbox() throws Exception {
    slackAnswers.addAll(List.of(503, 429));

    NotifyReport report = job().run(Instant.parse("2026-11-08T07:00:00Z"));

    assertThat(report.allDelivered()).isTrue();
    assertThat(report.orgs())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.digest().opened()).hasSize(2);
              assertThat(o.channels())
                  .extracting(
                      NotifyReport.ChannelResult::channel, NotifyReport.ChannelResult::attempts)
                  .containsExactly(
                      Tuple.tuple("slack (ACME_SLACK)", 3),
                      Tuple.tuple("email (1 recipient(s))", 1));
            });
    assertThat(slackBodies).hasSize(3);
    assertThat(slackBodies.get(2))
        .startsWith("{\"text\":\"adlake alerts for acme: 2 new, 0 resolved (as of 2026-11-07)")
        .contains(
            "[high] Spend to date over budget: dv360 line_item a1 (budget=100, spend_to_date=150)")
        .contains("proposed: pause (needs approval in adlake writeback)");
    assertThat((slackTimes.get(2) - slackTimes.get(1)) / 1_000_000)
        .as("waited the 1 s Retry-After asked for")
        .isGreaterThanOrEqualTo(1000);
    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(mails[0].getSubject())
        .isEqualTo("adlake alerts for acme: 2 new, 0 resolved (as of 2026-11-07)");
    assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("ops@acme.example");
    assertThat(String.valueOf(mails[0].getContent())).contains("Spend to date over budget");
    assertThat(lakehouse.read(Tables.ALERTS).filter("notified_status = 'open'").count())
        .isEqualTo(2);
    assertThat(lakehouse.read(Tables.NOTIFICATIONS).filter("status = 'delivered'").count())
        .isEqualTo(2);
  }

  @Test
  @Order(2)
  void anAlertThatStaysOpenIsNotSentAgain() {
    NotifyReport report = job().run(Instant.parse("2026-11-09T07:00:00Z"));

    assertThat(report.orgs()).isEmpty();
    assertThat(slackBodies).hasSize(3);
    assertThat(smtp.getReceivedMessages()).hasSize(1);

    // Someone takes a2 on: acknowledged is not news either.
    Row acked =
        AlertsJob.acknowledge(
            lakehouse, "a2", "jane@acme.example", Instant.parse("2026-11-09T09:00:00Z"));
    assertThat(acked.<String>getAs("status")).isEqualTo("acknowledged");
    assertThat(acked.<String>getAs("acknowledged_by")).isEqualTo("jane@acme.example");
    assertThatThrownBy(() -> AlertsJob.acknowledge(lakehouse, "a2", "joe", Instant.now()))
        .hasMessage("alert a2 is acknowledged; only an open alert can be acknowledged");
    assertThatThrownBy(() -> AlertsJob.acknowledge(lakehouse, "nope", "joe", Instant.now()))
        .hasMessage("no alert with id 'nope'");
    assertThat(job().run(Instant.parse("2026-11-09T10:00:00Z")).orgs()).isEmpty();
  }

  @Test
  @Order(3)
  void aChannelThatFailsGetsTheSameDigestNextRunAndTheOtherIsNotSentItTwice() {
    setStatus("a1", "resolved");
    slackAnswers.add(404); // a revoked webhook: not retried

    NotifyReport failed = job().run(Instant.parse("2026-11-10T07:00:00Z"));

    assertThat(failed.allDelivered()).isFalse();
    NotifyReport.OrgResult acme = failed.orgs().get(0);
    assertThat(acme.digest().resolved()).extracting(DigestLine::alertId).containsExactly("a1");
    assertThat(acme.channels().get(0))
        .satisfies(
            c -> {
              assertThat(c.delivered()).isFalse();
              assertThat(c.attempts()).isEqualTo(1);
              assertThat(c.error())
                  .isEqualTo("slack (ACME_SLACK): HTTP 404 no_service")
                  .doesNotContain("secret-token");
            });
    assertThat(smtp.getReceivedMessages()).hasSize(2);
    assertThat(
            lakehouse
                .read(Tables.ALERTS)
                .filter("alert_id = 'a1'")
                .first()
                .<String>getAs("notified_status"))
        .isEqualTo("open");

    NotifyReport retried = job().run(Instant.parse("2026-11-10T08:00:00Z"));

    assertThat(retried.allDelivered()).isTrue();
    assertThat(retried.orgs().get(0).digest().id()).isEqualTo(acme.digest().id());
    assertThat(retried.orgs().get(0).channels().get(1).error()).isEqualTo("delivered before");
    assertThat(smtp.getReceivedMessages()).as("the mailbox got it once").hasSize(2);
    assertThat(slackBodies.get(slackBodies.size() - 1)).contains("0 new, 1 resolved");
    assertThat(
            lakehouse
                .read(Tables.ALERTS)
                .filter("alert_id = 'a1'")
                .first()
                .<String>getAs("notified_status"))
        .isEqualTo("resolved");
  }

  @Test
  @Order(4)
  void aMissingSecretIsNamedAndNothingIsSent() {
    setStatus("a2", "resolved");
    int before = slackBodies.size();

    NotifyReport report =
        new NotifyJob(
                lakehouse, TestLanding.registry(), settings(), name -> null, Progress.silent())
            .run(Instant.now());

    assertThat(report.orgs().get(0).channels().get(0).error())
        .isEqualTo("environment variable ACME_SLACK is not set");
    assertThat(slackBodies).hasSize(before);
    assertThat(lakehouse.read(Tables.NOTIFICATIONS).collectAsList())
        .extracting(r -> String.valueOf(r.<String>getAs("error")))
        .noneMatch(e -> e.contains("secret-token"));
  }

  private NotifyJob job() {
    return new NotifyJob(
        lakehouse,
        TestLanding.registry(),
        settings(),
        name -> name.equals("ACME_SLACK") ? webhook : null,
        Progress.silent());
  }

  private AlertSettings settings() {
    return new AlertSettings(
        List.of(),
        Map.of(
            "acme",
            new OrgAlertSettings(
                null, null, new NotifyTarget("ACME_SLACK", List.of("ops@acme.example")))),
        new NotifySettings(
            "127.0.0.1",
            smtp.getSmtp().getPort(),
            false,
            "adlake@test.example",
            null,
            null,
            4,
            50L));
  }

  private void setStatus(String alertId, String status) {
    lakehouse
        .spark()
        .sql(
            "UPDATE "
                + lakehouse.name(Tables.ALERTS)
                + " SET status = '"
                + status
                + "' WHERE alert_id = '"
                + alertId
                + "'");
  }

  private static Row alert(String id, String status) {
    Timestamp seen = Timestamp.from(Instant.parse("2026-11-08T06:00:00Z"));
    return RowFactory.create(
        id,
        "over_budget",
        "v1",
        "acme",
        "pacing",
        "dv360",
        "line_item",
        id,
        "high",
        "Spend to date over budget",
        status,
        Date.valueOf(DAY),
        Date.valueOf(DAY),
        1,
        seen,
        seen,
        null,
        null,
        null,
        null,
        Map.of("spend_to_date", "150", "budget", "100"),
        "pause",
        (BigDecimal) null,
        "pause",
        null,
        null);
  }
}

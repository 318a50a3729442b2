package io.adlake.platforms.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.adlake.model.config.NotifySettings;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two channels against real servers on 127.0.0.1, without Spark: a Slack incoming webhook (an
 * HTTP server that answers as Slack documents: 200 "ok", 429 with Retry-After, 404 "no_service" for
 * a revoked hook) and SMTP (GreenMail).
 */
class NotificationChannelsTest {
  private static final Digest DIGEST =
      new Digest(
          "acme-media",
          LocalDate.parse("2026-12-06"),
          List.of(
              new DigestLine(
                  "a1",
                  "open",
                  "high",
                  "overspend",
                  "Line item overspending",
                  "dv360",
                  "line_item",
                  "111",
                  Map.of("delivery_ratio", "1.42"),
                  "pause")),
          List.of());

  private HttpServer slack;
  private final Deque<Integer> answers = new ConcurrentLinkedDeque<>();
  private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> times = Collections.synchronizedList(new ArrayList<>());
  private URI webhook;
  private GreenMail smtp;

  @BeforeEach
  void start() throws IOException {
    slack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    slack.createContext(
        "/services/",
        exchange -> {
          times.add(System.nanoTime());
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          int status = answers.isEmpty() ? 200 : answers.poll();
          if (status == 429) {
            exchange.getResponseHeaders().add("Retry-After", "1");
          }
          byte[] body =
              (status == 200 ? "ok" : status == 404 ? "no_service" : "rate_limited")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    slack.start();
    webhook =
        URI.create(
            "http://127.0.0.1:"
                + slack.getAddress().getPort()
                + "/services/T000/B000/secret-token");
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterEach
  void stop() {
    slack.stop(0);
    smtp.stop();
  }

  @Test
  void slackIsTriedAgainAfterTheRetryAfterItAsksAndTheDigestIsItsText() throws IOException {
    answers.add(429);

    Delivery.Outcome outcome =
        new Delivery(3, 10).send(new SlackWebhook("ACME_SLACK", webhook), DIGEST);

    assertThat(outcome).isEqualTo(new Delivery.Outcome(true, 2, null));
    assertThat((times.get(1) - times.get(0)) / 1_000_000)
        .as("waited Slack's Retry-After of 1 s")
        .isGreaterThanOrEqualTo(1000);
    assertThat(new ObjectMapper().readTree(bodies.get(1)).path("text").asText())
        .startsWith("adlake alerts for acme-media: 1 new, 0 resolved (as of 2026-12-06)")
        .contains("- [high] Line item overspending: dv360 line_item 111");
  }

  @Test
  void aRevokedWebhookIsNotTriedAgainAndItsUrlIsInNoMessage() {
    answers.add(404);

    Delivery.Outcome outcome =
        new Delivery(3, 10).send(new SlackWebhook("ACME_SLACK", webhook), DIGEST);

    assertThat(outcome.delivered()).isFalse();
    assertThat(outcome.attempts()).isEqualTo(1);
    assertThat(outcome.error())
        .isEqualTo("slack (ACME_SLACK): HTTP 404 no_service")
        .doesNotContain("secret-token");
  }

  @Test
  void emailSendsTheDigestToEveryRecipientWithItsIdInAHeader() throws Exception {
    NotifySettings settings =
        new NotifySettings(
            "127.0.0.1",
            smtp.getSmtp().getPort(),
            false,
            "adlake@test.example",
            null,
            null,
            2,
            10L);
    EmailDigest email =
        new EmailDigest(settings, List.of("ops@acme.example", "lead@acme.example"), null, null);

    assertThat(new Delivery(2, 10).send(email, DIGEST).delivered()).isTrue();

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(2);
    assertThat(received[0].getSubject()).isEqualTo(DIGEST.subject());
    assertThat(received[0].getHeader("X-Adlake-Digest", null)).isEqualTo(DIGEST.id());
    assertThat(email.name())
        .isEqualTo("email (2 recipient(s) via 127.0.0.1:" + smtp.getSmtp().getPort() + ")");
  }
}

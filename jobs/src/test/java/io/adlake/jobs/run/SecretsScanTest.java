package io.adlake.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.SharedSpark;
import io.adlake.jobs.cli.ExitCodes;
import io.adlake.jobs.writeback.Actor;
import io.adlake.jobs.writeback.WritebackDecisions;
import io.adlake.jobs.writeback.WritebackLedger;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import io.adlake.model.config.AlertSettingsLoader;
import io.adlake.model.config.WritebackSettingsLoader;
import io.adlake.model.org.OrgRegistry;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every secret adlake handles set to a known marker, the work of two days done as real processes
 * (the shared {@link ReferenceRun}, then alerts, notify to Slack and email, write-back plan and
 * execute against a platform that answers "token revoked"), then every log line, every row of every
 * table, every file of the warehouse and the catalog, and every message sent scanned for the
 * markers. The servers record that each secret was really used, so the scan is not vacuous; it
 * finds none of them anywhere they should not be.
 */
@ExtendWith(SharedSpark.class)
class SecretsScanTest {

  private static final String REVOKED =
      "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials. Expected OAuth 2 access token.\",\"status\":\"UNAUTHENTICATED\"}}";

  @Test
  void noSecretReachesALogATableAFileOrAMessage() throws Exception {
    ReferenceRun reference = ReferenceRun.get();
    String tag = ReferenceRun.TAG;
    List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    List<String> slackBodies = Collections.synchronizedList(new ArrayList<>());
    List<String> slackPaths = Collections.synchronizedList(new ArrayList<>());
    HttpServer servers = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    // Every platform call is refused as a revoked token would be (Google's error body), the path
    // where a careless
    // message quotes what it sent.
    servers.createContext(
        "/platforms/",
        exchange -> {
          authorizations.add(
              exchange.getRequestHeaders().getFirst("Authorization")
                  + " "
                  + exchange.getRequestHeaders().getFirst("TTD-Auth"));
          exchange.getRequestBody().readAllBytes();
          byte[] body = REVOKED.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(401, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    // Slack: acme's webhook delivers, kiwi's answers 500 every time (its failure is recorded, with
    // a message).
    servers.createContext(
        "/services/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          slackPaths.add(path);
          slackBodies.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          int status = path.contains("kiwi") ? 500 : 200;
          byte[] body =
              (status == 200 ? "ok" : "service_unavailable").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    servers.start();
    String base = "http://127.0.0.1:" + servers.getAddress().getPort();
    Map<String, String> secrets = ReferenceRun.secrets(base);
    GreenMail smtp =
        new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(
                GreenMailConfiguration.aConfig()
                    .withUser(
                        "adlake@test.example",
                        secrets.get("ADLAKE_SMTP_USER"),
                        secrets.get("ADLAKE_SMTP_PASSWORD")));
    smtp.start();
    try {
      // The reference run had every secret as a marker in its environment; the steps that use them
      // carry on from it.
      Path data = reference.data();
      Path conf = Files.createTempDirectory("adlake-secrets-conf");
      try (Stream<Path> files = Files.list(reference.conf())) {
        for (Path file : files.toList()) {
          Files.copy(file, conf.resolve(file.getFileName()));
        }
      }
      String rules = Files.readString(Path.of("../conf", AlertSettingsLoader.FILE));
      Files.writeString(
          conf.resolve(AlertSettingsLoader.FILE),
          rules.substring(0, rules.indexOf("\norgs:"))
              + String.join(
                  "\n",
                  "",
                  "orgs:",
                  "  acme: {send_to: {slack_webhook_env: ADLAKE_SLACK_WEBHOOK_ACME, email: [adops@acme.example]}}",
                  "  kiwi: {send_to: {slack_webhook_env: ADLAKE_SLACK_WEBHOOK_KIWI, email: [trading@kiwi.example]}}",
                  "delivery:",
                  "  smtp_host: 127.0.0.1",
                  "  smtp_port: " + smtp.getSmtp().getPort(),
                  "  from: adlake@test.example",
                  "  username_env: ADLAKE_SMTP_USER",
                  "  password_env: ADLAKE_SMTP_PASSWORD",
                  "  attempts: 2",
                  "  backoff_millis: 10",
                  ""));
      Files.writeString(
          conf.resolve(WritebackSettingsLoader.FILE),
          String.join(
              "\n",
              "approval_threshold: 1000000000",
              "orgs:",
              "  acme: {token_env: {dv360: ADLAKE_DV360_TOKEN_ACME}}",
              "platforms:",
              "  dv360: {base_url: '"
                  + base
                  + "/platforms/dv360/v4/', token_env: ADLAKE_DV360_TOKEN, min_interval_millis: 0, attempts: 2, backoff_millis: 10, max_backoff_millis: 20}",
              "  ttd: {base_url: '"
                  + base
                  + "/platforms/ttd/v3/', token_env: ADLAKE_TTD_TOKEN, min_interval_millis: 0, attempts: 2, backoff_millis: 10, max_backoff_millis: 20}",
              "  meta: {base_url: '"
                  + base
                  + "/platforms/meta/v26.0/', token_env: ADLAKE_META_TOKEN, min_interval_millis: 0, attempts: 2, backoff_millis: 10, max_backoff_millis: 20}",
              ""));

      assertThat(step(data, conf, secrets, "alerts", "alerts", "--latest")).isZero();
      assertThat(step(data, conf, secrets, "notify", "notify"))
          .as("kiwi's Slack webhook fails")
          .isEqualTo(ExitCodes.NOT_DELIVERED);
      assertThat(step(data, conf, secrets, "plan", "writeback", "plan")).isZero();
      // Approved here rather than by a process of its own: approving touches no secret.
      Lakehouse lakehouse = AdlakeProcesses.lakehouse(data);
      WritebackDecisions desk =
          new WritebackDecisions(
              new WritebackLedger(lakehouse),
              WritebackSettingsLoader.load(conf, OrgRegistry.load(conf.resolve(OrgRegistry.FILE))));
      List<Row> proposed =
          lakehouse
              .read(Tables.WRITEBACK_ACTIONS)
              .filter("status = 'proposed'")
              .dropDuplicates("platform")
              .collectAsList();
      assertThat(proposed).as("the sample's alerts propose changes").isNotEmpty();
      for (Row action : proposed) {
        desk.approve(action.getAs("action_id"), Actor.of("checker"), null, Instant.now());
      }
      assertThat(step(data, conf, secrets, "execute", "writeback", "execute", "--apply"))
          .as("every call refused")
          .isEqualTo(ExitCodes.NOT_EXECUTED);

      // The secrets were used: every platform call carried a marker token, Slack was called on both
      // webhooks, the
      // mail went through the SMTP login.
      assertThat(authorizations)
          .hasSizeGreaterThanOrEqualTo(proposed.size())
          .allMatch(a -> a.contains("adlake-marker-adlake-") && a.contains(tag));
      assertThat(smtp.getReceivedMessages()).as("delivered through the SMTP login").isNotEmpty();
      assertThat(slackPaths)
          .anyMatch(p -> secrets.get("ADLAKE_SLACK_WEBHOOK_ACME").endsWith(p))
          .anyMatch(p -> secrets.get("ADLAKE_SLACK_WEBHOOK_KIWI").endsWith(p));
      MimeMessage[] mails = smtp.getReceivedMessages();
      assertThat(mails).isNotEmpty();

      // The scan.
      List<String> markers = new ArrayList<>(secrets.values());
      markers.add(ReferenceRun.SLACK_ACME);
      markers.add(ReferenceRun.SLACK_KIWI);
      List<String> hits = new ArrayList<>();
      int logLines = 0;
      int files = 0;
      try (Stream<Path> all = Files.walk(data)) {
        for (Path file : all.filter(Files::isRegularFile).toList()) {
          String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
          files++;
          if (file.toString().endsWith(".log")) {
            logLines += (int) text.lines().count();
          }
          markers.stream()
              .filter(text::contains)
              .forEach(m -> hits.add(data.relativize(file) + " holds " + m));
        }
      }
      lakehouse = AdlakeProcesses.lakehouse(data);
      long rows = 0;
      int tables = 0;
      for (TableSpec table : Tables.ALL) {
        if (!lakehouse.exists(table)) {
          continue;
        }
        tables++;
        for (String json : lakehouse.read(table).toJSON().collectAsList()) {
          rows++;
          markers.stream()
              .filter(json::contains)
              .forEach(m -> hits.add(table.path() + " row holds " + m + ": " + json));
        }
      }
      List<String> messages = new ArrayList<>(slackBodies);
      for (MimeMessage mail : mails) {
        messages.add(GreenMailUtil.getWholeMessage(mail));
      }
      for (String message : messages) {
        markers.stream().filter(message::contains).forEach(m -> hits.add("a message holds " + m));
      }
      System.out.printf(
          Locale.ROOT,
          "secrets scan: %d markers; %d log lines, %d files of the data folder (warehouse, catalog, landing, logs), %d rows of %d tables, %d messages (Slack and email), %d platform calls: %d hit(s)%n",
          markers.size(),
          logLines,
          files,
          rows,
          tables,
          messages.size(),
          authorizations.size(),
          hits.size());
      assertThat(tables).isGreaterThan(20);
      assertThat(lakehouse.read(Tables.NOTIFICATIONS).filter("status = 'failed'").count())
          .as("kiwi's failure is recorded with its error")
          .isPositive();
      assertThat(lakehouse.read(Tables.AUDIT_LOG).filter("outcome = 'failed'").count())
          .as("the refused calls are audited")
          .isPositive();
      assertThat(hits).isEmpty();
    } finally {
      smtp.stop();
      servers.stop(0);
    }
  }

  /** One command as its own process, with the secrets in its environment; its exit code. */
  private static int step(
      Path data, Path conf, Map<String, String> secrets, String name, String... args)
      throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--conf-dir", conf.toString(), "--data-dir", data.toString(), "--profile", "local"));
    return AdlakeProcesses.finish(AdlakeProcesses.launch(data, name, secrets, all), data, name);
  }
}

package io.adlake.jobs.connectors.newplatform;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.adlake.catalog.landing.LocalLandingStore;
import io.adlake.jobs.Progress;
import io.adlake.jobs.cli.InstalledPlatforms;
import io.adlake.jobs.connectors.FetchJob;
import io.adlake.jobs.connectors.FetchOutcome;
import io.adlake.jobs.connectors.FetchReport;
import io.adlake.jobs.connectors.LandingDrop;
import io.adlake.model.Source;
import io.adlake.model.config.ConnectorSettings;
import io.adlake.model.config.ConnectorSettings.OrgAccount;
import io.adlake.model.config.ConnectorSettings.SourceEndpoint;
import io.adlake.model.org.OrgRegistry;
import io.adlake.model.org.OrgScope;
import io.adlake.platforms.kit.PlatformAccess;
import io.adlake.platforms.kit.PlatformKits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new platform is one package and one registry line: {@link CsvDropKit} is registered beside the
 * installed kits, and the unchanged fetch job fetches it, sends its token in its own header, lands
 * its files where ingest reads them, and reports an org's missing credentials like any platform's.
 * No Spark.
 */
class NewPlatformTest {
  private static final OrgRegistry ORGS = OrgRegistry.load(Path.of("..", "conf", "orgs.yaml"));
  private static final LocalDate NOV2 = LocalDate.parse("2026-11-02");

  private HttpServer server;
  private URI base;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/csvdrop/",
        exchange -> {
          requests.add(
              exchange.getRequestURI().getPath()
                  + " "
                  + exchange.getRequestHeaders().getFirst("X-Api-Key"));
          byte[] body =
              ("day,imps,revenue\n"
                      + exchange.getRequestURI().getPath().replaceAll(".*/|\\.csv", "")
                      + ",1200,4.05\n")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/csvdrop/");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void theFetchJobFetchesAPlatformRegisteredWithOneLine(@TempDir Path landing) throws IOException {
    PlatformKits kits = InstalledPlatforms.kits().with(new CsvDropKit());
    assertThat(kits.fetchable())
        .as("the registry, not a list elsewhere, says what is fetchable")
        .contains(Source.MONETIZE);

    FetchReport report =
        job(kits, Map.of("CSVDROP_KEY", "key-kiwi"), landing)
            .range(Source.MONETIZE, OrgScope.all(), NOV2, NOV2.plusDays(1));

    assertThat(report.outcomes())
        .singleElement()
        .satisfies(
            outcome -> {
              assertThat(outcome.org())
                  .as("the one org with an account and the source enabled")
                  .isEqualTo("kiwi-retail");
              assertThat(outcome.failure()).isNull();
              assertThat(outcome.files())
                  .containsOnly(
                      Map.entry("monetize-2026-11-02.csv", LandingDrop.Result.NEW),
                      Map.entry("monetize-2026-11-03.csv", LandingDrop.Result.NEW));
            });
    assertThat(requests)
        .containsExactly(
            "/csvdrop/accounts/7001/reports/2026-11-02.csv key-kiwi",
            "/csvdrop/accounts/7001/reports/2026-11-03.csv key-kiwi");
    assertThat(
            Files.readString(
                landing.resolve("kiwi-retail/monetize/2026-11-03/monetize-2026-11-02.csv")))
        .isEqualTo("day,imps,revenue\n2026-11-02,1200,4.05\n");
  }

  @Test
  void itsMissingCredentialsFailTheOrgLikeAnyPlatformsWithoutACall(@TempDir Path landing) {
    FetchReport report =
        job(InstalledPlatforms.kits().with(new CsvDropKit()), Map.of(), landing)
            .range(Source.MONETIZE, OrgScope.all(), NOV2, NOV2);

    assertThat(report.outcomes())
        .singleElement()
        .satisfies(
            outcome -> {
              assertThat(outcome.failure()).isEqualTo(FetchOutcome.Failure.CREDENTIALS);
              assertThat(outcome.message())
                  .isEqualTo(
                      "$CSVDROP_KEY is not set: no monetize credentials for org kiwi-retail");
            });
    assertThat(requests).isEmpty();
  }

  private FetchJob job(PlatformKits kits, Map<String, String> env, Path landing) {
    ConnectorSettings settings =
        new ConnectorSettings(
            Map.of("monetize", new SourceEndpoint(base, "CSVDROP_KEY", 0, 5L, 10, 2, 0L, 1L, 5L)),
            Map.of("kiwi-retail", Map.of("monetize", new OrgAccount("7001", null, null, null))));
    return new FetchJob(
        settings,
        ORGS,
        new LocalLandingStore(),
        landing.toString(),
        new PlatformAccess(kits, env::get, Clock.systemUTC()),
        Progress.silent());
  }
}

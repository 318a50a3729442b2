package io.adlake.jobs.connectors;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.SharedSpark;
import io.adlake.catalog.landing.LandingScan;
import io.adlake.catalog.landing.LocalLandingStore;
import io.adlake.jobs.Progress;
import io.adlake.jobs.cli.InstalledPlatforms;
import io.adlake.jobs.ingest.FileOutcome;
import io.adlake.jobs.ingest.IngestJob;
import io.adlake.jobs.ingest.IngestReport;
import io.adlake.jobs.sample.SampleExports;
import io.adlake.model.Source;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import io.adlake.model.config.ConnectorSettings;
import io.adlake.model.config.ConnectorSettings.OrgAccount;
import io.adlake.model.config.ConnectorSettings.SourceEndpoint;
import io.adlake.model.org.OrgRegistry;
import io.adlake.model.org.OrgScope;
import io.adlake.platforms.gam.GamApi;
import io.adlake.platforms.kit.PlatformAccess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code adlake fetch} against the platforms' reporting APIs served on 127.0.0.1 ({@link
 * FakeReportingApis}), with the sample exports as what the platforms hold: each flow lands files
 * that ingest to the fixture's rows, an unchanged day keeps its landed file, and every bad case
 * (revoked credentials, a failed or endless report, a cut or corrupt download, throttling, an empty
 * day with delivery) fails its org alone with a message naming org, source and date, and lands
 * nothing half-written.
 */
@ExtendWith(SharedSpark.class)
class ConnectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate NOV2 = LocalDate.parse("2026-11-02");
  private static final LocalDate NOV3 = LocalDate.parse("2026-11-03");
  private static final OrgRegistry ORGS = OrgRegistry.load(Path.of("..", "conf", "orgs.yaml"));
  private static final List<String> LINEAGE =
      List.of("delivery_date", "source_file", "file_checksum", "batch_id", "ingested_at");

  private static FakeReportingApis apis;
  private static Path fixtures;
  private final LocalLandingStore store = new LocalLandingStore();
  private final Map<String, String> env = new HashMap<>();

  @BeforeAll
  static void platforms(@TempDir Path dir) throws Exception {
    fixtures = dir.resolve("fixtures");
    new SampleExports(
            ORGS,
            new LocalLandingStore(),
            fixtures.toString(),
            new SampleExports.Settings(NOV2, 2, 42, true))
        .writeAll();
    apis = new FakeReportingApis();
    for (String org : List.of("acme-media", "kiwi-retail")) {
      for (LocalDate day : List.of(NOV2, NOV3)) {
        apis.dv360Reports
            .computeIfAbsent("adv-" + org, k -> new TreeMap<>())
            .put(day, fixture(org, Source.DV360, day));
        apis.ttdReports
            .computeIfAbsent("ttd-" + org + "/4242", k -> new TreeMap<>())
            .put(day, fixture(org, Source.TTD, day));
        apis.gamReports
            .computeIfAbsent(gamNetwork(org), k -> new TreeMap<>())
            .put(day, fixture(org, Source.GAM, day));
      }
      // Meta holds the rows the sample's deliveries report (a delivery's lines that are not JSON
      // rows are the
      // sample's faults of the file, not something the API sends).
      List<JsonNode> rows = new ArrayList<>();
      for (LocalDate day : List.of(NOV2, NOV3)) {
        for (String line :
            new String(fixture(org, Source.META, day), StandardCharsets.UTF_8).split("\n")) {
          try {
            JsonNode row = JSON.readTree(line);
            LocalDate.parse(row.path("date_start").asText());
            rows.add(row);
          } catch (Exception fault) {
            // not a row the API would send
          }
        }
      }
      apis.metaRows.put(metaAccount(org), rows);
      setupOnThePlatforms(org);
      apis.salesforceBookings.put(
          "integration@" + org + ".example",
          new String(fixture(org, Source.BOOKINGS, NOV3), StandardCharsets.UTF_8));
    }
  }

  /**
   * What the platforms hold of the org's setup: the sample's SDF files in DV360; its ad groups in
   * TTD without the BudgetingVersion the collector adds (a campaign's field), and their campaigns
   * with it; its ad sets in Meta without account_currency (the account's), and the account's
   * currency.
   */
  private static void setupOnThePlatforms(String org) throws IOException {
    Path setup = fixtures.resolve(org).resolve("setup").resolve(NOV3.toString());
    apis.sdfFiles.put(
        "adv-" + org,
        Map.of(
            "SDF-InsertionOrders.csv", Files.readAllBytes(setup.resolve("SDF-InsertionOrders.csv")),
            "SDF-LineItems.csv", Files.readAllBytes(setup.resolve("SDF-LineItems.csv"))));
    List<JsonNode> groups = new ArrayList<>();
    Map<String, JsonNode> campaigns = new TreeMap<>();
    for (String line : Files.readAllLines(setup.resolve("ttd_adgroups_" + org + ".jsonl"))) {
      ObjectNode group = (ObjectNode) JSON.readTree(line);
      campaigns.put(
          group.path("CampaignId").asText(),
          JSON.createObjectNode()
              .put("CampaignId", group.path("CampaignId").asText())
              .put("CampaignName", "Campaign " + group.path("CampaignId").asText())
              .put("BudgetingVersion", group.remove("BudgetingVersion").asText()));
      groups.add(group);
    }
    apis.ttdAdGroups.put("ttd-" + org, groups);
    apis.ttdCampaigns.put("ttd-" + org, new ArrayList<>(campaigns.values()));
    List<JsonNode> sets = new ArrayList<>();
    for (String line : Files.readAllLines(setup.resolve("meta_adsets_" + org + ".jsonl"))) {
      ObjectNode set = (ObjectNode) JSON.readTree(line);
      apis.metaCurrencies.put(metaAccount(org), set.remove("account_currency").asText());
      sets.add(set);
    }
    apis.metaAdSets.put(metaAccount(org), sets);
  }

  @AfterAll
  static void stop() {
    apis.close();
  }

  @BeforeEach
  void credentials() {
    env.put("DV360_KEY", apis.serviceAccountKey("adlake@acme.iam.gserviceaccount.com"));
    env.put("DV360_KEY_KIWI", apis.serviceAccountKey("adlake@kiwi.iam.gserviceaccount.com"));
    env.put("TTD_TOKEN", FakeReportingApis.TTD_TOKEN);
    env.put("GAM_KEY", apis.serviceAccountKey("adlake@gam.iam.gserviceaccount.com"));
    env.put("META_TOKEN", FakeReportingApis.META_TOKEN);
    env.put("SF_ACME", apis.salesforceCredentials("integration@acme-media.example"));
    env.put("SF_KIWI", apis.salesforceCredentials("integration@kiwi-retail.example"));
    apis.pollsBeforeReady = 1;
    apis.failing.clear();
    apis.endless.clear();
    apis.truncated.clear();
    apis.corrupted.clear();
    apis.revoked.clear();
  }

  private static String gamNetwork(String org) {
    return org.equals("acme-media") ? "21700448" : "21700991";
  }

  private static String metaAccount(String org) {
    return org.equals("acme-media") ? "398840559845275" : "512000000000042";
  }

  private static byte[] fixture(String org, Source source, LocalDate day) throws IOException {
    try (Stream<Path> files =
        Files.list(fixtures.resolve(org).resolve(source.id()).resolve(day.toString()))) {
      return Files.readAllBytes(files.findFirst().orElseThrow());
    }
  }

  private static ConnectorSettings settings(int timeoutSeconds) {
    URI base = apis.base;
    Map<String, SourceEndpoint> sources =
        Map.of(
            "dv360", endpoint(base.resolve("bidmanager/v2/"), "DV360_KEY", 1, timeoutSeconds),
            "ttd", endpoint(base.resolve("ttd/v3/"), "TTD_TOKEN", 0, timeoutSeconds),
            "meta",
                endpoint(
                    base.resolve(FakeReportingApis.GRAPH.substring(1)),
                    "META_TOKEN",
                    28,
                    timeoutSeconds),
            "gam",
                endpoint(
                    base.resolve("gam/" + GamApi.VERSION + "/"), "GAM_KEY", 15, timeoutSeconds),
            "bookings", endpoint(base.resolve("sf/"), "SF_ACME", 0, timeoutSeconds),
            "setup", endpoint(base.resolve("dv/v4/"), null, 0, timeoutSeconds));
    Map<String, Map<String, OrgAccount>> orgs = new TreeMap<>();
    for (String org : List.of("acme-media", "kiwi-retail")) {
      boolean kiwi = org.equals("kiwi-retail");
      orgs.put(
          org,
          Map.of(
              "dv360", new OrgAccount("adv-" + org, null, kiwi ? "DV360_KEY_KIWI" : null, null),
              "ttd", new OrgAccount("ttd-" + org, "4242", null, null),
              "meta", new OrgAccount(metaAccount(org), null, null, null),
              "gam", new OrgAccount(gamNetwork(org), null, null, null),
              "bookings", new OrgAccount(null, null, kiwi ? "SF_KIWI" : null, null)));
    }
    return new ConnectorSettings(sources, orgs);
  }

  private static SourceEndpoint endpoint(
      URI base, String env, int restatementDays, int timeoutSeconds) {
    return new SourceEndpoint(base, env, restatementDays, 5L, timeoutSeconds, 3, 0L, 1L, 5L);
  }

  private FetchJob job(Path landing, int timeoutSeconds) {
    return new FetchJob(
        settings(timeoutSeconds),
        ORGS,
        store,
        landing.toString(),
        new PlatformAccess(InstalledPlatforms.kits(), env::get, Clock.systemUTC()),
        Progress.silent());
  }

  /** The fetch job with one source's endpoint replaced. */
  private FetchJob jobWith(Path landing, String source, SourceEndpoint endpoint) {
    ConnectorSettings shipped = settings(30);
    Map<String, SourceEndpoint> sources = new HashMap<>(shipped.sources());
    sources.put(source, endpoint);
    return new FetchJob(
        new ConnectorSettings(sources, shipped.orgs()),
        ORGS,
        store,
        landing.toString(),
        new PlatformAccess(InstalledPlatforms.kits(), env::get, Clock.systemUTC()),
        Progress.silent());
  }

  /** A backfill of report days, each landed in the folder of the day after it. */
  private FetchReport fetch(
      Path landing, Source source, OrgScope orgs, LocalDate first, LocalDate last) {
    return fetch(landing, source, orgs, first, last, 30);
  }

  private FetchReport fetch(
      Path landing,
      Source source,
      OrgScope orgs,
      LocalDate first,
      LocalDate last,
      int timeoutSeconds) {
    return job(landing, timeoutSeconds).range(source, orgs, first, last);
  }

  /** The daily fetch of a delivery date. */
  private FetchReport daily(Path landing, Source source, OrgScope orgs, LocalDate delivery) {
    return job(landing, 30).daily(source, orgs, delivery);
  }

  private static FetchOutcome of(FetchReport report, String org) {
    return report.outcomes().stream().filter(o -> o.org().equals(org)).findFirst().orElseThrow();
  }

  /** Where the backfill puts a report day: the folder of the day after it. */
  private static Path landed(Path landing, String org, Source source, LocalDate day, String ext) {
    return landed(landing, org, source, day.plusDays(1), day, ext);
  }

  private static Path landed(
      Path landing, String org, Source source, LocalDate delivery, LocalDate day, String ext) {
    return landing
        .resolve(org)
        .resolve(source.id())
        .resolve(delivery.toString())
        .resolve(source.id() + "-" + day + "." + ext);
  }

  @Test
  void everyFlowLandsFilesThatIngestToTheFixturesRows(
      Lakehouse fromFixtures, Lakehouse fromFetched, @TempDir Path landing) throws Exception {
    OrgScope acme = OrgScope.only("acme-media");
    FetchReport dv360 = fetch(landing, Source.DV360, acme, NOV2, NOV3);
    FetchReport ttd = fetch(landing, Source.TTD, acme, NOV2, NOV3);
    FetchReport meta = fetch(landing, Source.META, acme, LocalDate.parse("2026-11-01"), NOV2);
    FetchReport bookings = daily(landing, Source.BOOKINGS, acme, NOV3);
    FetchReport gam = fetch(landing, Source.GAM, acme, NOV2, NOV3);
    for (FetchReport report : List.of(dv360, ttd, meta, bookings, gam)) {
      assertThat(report.outcomes())
          .singleElement()
          .satisfies(o -> assertThat(o.ok()).as(o.message()).isTrue());
    }
    assertThat(of(dv360, "acme-media").files())
        .containsOnlyKeys("dv360-" + NOV2 + ".csv", "dv360-" + NOV3 + ".csv")
        .containsValue(LandingDrop.Result.NEW);
    assertThat(of(meta, "acme-media").files()).hasSize(2);

    // As the platform wrote them: DV360's and TTD's files byte for byte, Salesforce's pages joined
    // under one header.
    for (LocalDate day : List.of(NOV2, NOV3)) {
      assertThat(landed(landing, "acme-media", Source.DV360, day, "csv"))
          .hasBinaryContent(fixture("acme-media", Source.DV360, day));
      assertThat(landed(landing, "acme-media", Source.TTD, day, "csv"))
          .hasBinaryContent(fixture("acme-media", Source.TTD, day));
      assertThat(landed(landing, "acme-media", Source.GAM, day, "csv"))
          .as("Ad Manager's gzip, unzipped")
          .hasBinaryContent(fixture("acme-media", Source.GAM, day));
    }
    assertThat(landed(landing, "acme-media", Source.BOOKINGS, NOV3, NOV3, "csv"))
        .hasBinaryContent(fixture("acme-media", Source.BOOKINGS, NOV3));
    assertThat(apis.count("GET /sf-instance/"))
        .as("Salesforce result pages followed by locator")
        .isGreaterThan(2);
    try (Stream<Path> all = Files.walk(landing)) {
      assertThat(all.filter(p -> p.getFileName().toString().startsWith(".")))
          .as("no temporary file left")
          .isEmpty();
    }

    IngestReport expected = ingest(fromFixtures, fixtures.resolve("acme-media"), fixtures);
    IngestReport actual = ingest(fromFetched, landing.resolve("acme-media"), landing);
    assertThat(actual.reconciles()).isTrue();
    for (String format : List.of("dv360_delivery", "ttd_delivery", "bookings", "gam_report")) {
      assertThat(counts(actual, format)).as(format).isEqualTo(counts(expected, format));
    }
    assertThat(rows(fromFetched, Tables.BRONZE_DV360, true))
        .isEqualTo(rows(fromFixtures, Tables.BRONZE_DV360, true));
    assertThat(rows(fromFetched, Tables.BRONZE_TTD, true))
        .isEqualTo(rows(fromFixtures, Tables.BRONZE_TTD, true));
    assertThat(rows(fromFetched, Tables.BRONZE_BOOKINGS, true))
        .isEqualTo(rows(fromFixtures, Tables.BRONZE_BOOKINGS, true));
    assertThat(rows(fromFetched, Tables.BRONZE_GAM, true))
        .isNotEmpty()
        .isEqualTo(rows(fromFixtures, Tables.BRONZE_GAM, true));
    // Meta's rows are written from the API's pages, one line each: the same rows, at other line
    // numbers than the
    // sample's files (which carry faulty lines between them).
    assertThat(rows(fromFetched, Tables.BRONZE_META, false))
        .isNotEmpty()
        .isEqualTo(rows(fromFixtures, Tables.BRONZE_META, false));
  }

  private IngestReport ingest(Lakehouse lakehouse, Path orgDir, Path root) throws IOException {
    List<String> sources = List.of("dv360", "ttd", "meta", "bookings", "gam");
    // Bookings are a snapshot: the fetch took the one of 2026-11-03, so that is the fixture's to
    // compare with.
    LandingScan scan =
        LandingScan.of(
            root.toString(),
            store.list(orgDir.toString()).stream()
                .filter(
                    f ->
                        sources.stream().anyMatch(s -> f.uri().contains("/" + s + "/"))
                            && !f.uri().contains("/bookings/" + NOV2 + "/"))
                .toList());
    return new IngestJob(lakehouse, ORGS, store, Progress.silent())
        .run(scan.slices(), scan.rejected());
  }

  private static List<Long> counts(IngestReport report, String format) {
    List<FileOutcome> files =
        report.files().stream().filter(f -> f.format().equals(format)).toList();
    return List.of(
        files.stream().mapToLong(FileOutcome::rowsRead).sum(),
        files.stream().mapToLong(FileOutcome::rowsAccepted).sum(),
        files.stream().mapToLong(FileOutcome::rowsQuarantined).sum());
  }

  /**
   * A bronze table's rows without the columns that name the delivery (file, batch, time), sorted.
   */
  private static List<String> rows(Lakehouse lakehouse, TableSpec table, boolean withLineNumbers) {
    List<String> drop = new ArrayList<>(LINEAGE);
    if (!withLineNumbers) {
      drop.add("source_row_number");
    }
    Column[] kept =
        Arrays.stream(lakehouse.read(table).columns())
            .filter(c -> !drop.contains(c))
            .map(org.apache.spark.sql.functions::col)
            .toArray(Column[]::new);
    return lakehouse
        .read(table)
        .filter(col("org_id").equalTo("acme-media"))
        .select(kept)
        .collectAsList()
        .stream()
        .map(Row::toString)
        .sorted()
        .toList();
  }

  @Test
  void aDayFetchedAgainIsLandedOnlyWhenThePlatformRestatedIt(@TempDir Path landing)
      throws Exception {
    OrgScope acme = OrgScope.only("acme-media");
    LocalDate nov4 = NOV3.plusDays(1);
    Map<LocalDate, byte[]> reports = apis.dv360Reports.get("adv-acme-media");
    byte[] original = reports.get(NOV3);
    try {
      // The daily fetch of 2026-11-04: the last complete day and the one-day window before it, both
      // new.
      FetchOutcome first = of(daily(landing, Source.DV360, acme, nov4), "acme-media");
      assertThat(first.first()).as("the restatement window").isEqualTo(NOV2);
      assertThat(first.files())
          .containsEntry("dv360-2026-11-03.csv", LandingDrop.Result.NEW)
          .containsEntry("dv360-2026-11-02.csv", LandingDrop.Result.NEW);
      Path file = landed(landing, "acme-media", Source.DV360, nov4, NOV3, "csv");
      assertThat(file).hasBinaryContent(original);

      // Run again, the report differs only in its "Report Time:" footer: nothing new lands.
      String text = new String(original, StandardCharsets.UTF_8);
      assertThat(text).contains("Report Time:");
      reports.put(
          NOV3,
          text.replaceAll("Report Time:[^\\n]*", "Report Time:,2026/11/05 06:12:00 UTC")
              .getBytes(StandardCharsets.UTF_8));
      LocalDate nov5 = nov4.plusDays(1);
      FetchOutcome again = of(job(landing, 30).range(Source.DV360, acme, NOV3, NOV3), "acme-media");
      assertThat(again.files()).containsEntry("dv360-2026-11-03.csv", LandingDrop.Result.UNCHANGED);
      assertThat(file).hasBinaryContent(original);

      // The platform restates a number of 2026-11-03: the next daily fetch lands that day in its
      // own delivery.
      String row = text.lines().skip(1).findFirst().orElseThrow();
      String restatedRow = row.replaceFirst(",(\\d+),", ",9$1,");
      reports.put(NOV3, text.replace(row, restatedRow).getBytes(StandardCharsets.UTF_8));
      assertThat(of(daily(landing, Source.DV360, acme, NOV3.plusDays(2)), "acme-media").files())
          .containsEntry("dv360-2026-11-03.csv", LandingDrop.Result.RESTATED);
      assertThat(landed(landing, "acme-media", Source.DV360, nov5, NOV3, "csv"))
          .content()
          .contains(restatedRow);
      assertThat(file).hasBinaryContent(original);

      // Then an outage answers with an empty report (header and footer only): refused, nothing
      // landed.
      String header = text.lines().findFirst().orElseThrow();
      reports.put(
          NOV3,
          (header + "\n" + text.substring(text.indexOf("\n\n") + 1))
              .getBytes(StandardCharsets.UTF_8));
      FetchOutcome empty = of(fetch(landing, Source.DV360, acme, NOV3, NOV3), "acme-media");
      assertThat(empty.failure()).isEqualTo(FetchOutcome.Failure.TRANSIENT);
      assertThat(empty.message())
          .contains(
              "org acme-media",
              "source dv360",
              "2026-11-03",
              "empty dv360-2026-11-03.csv where the latest landed version has rows");
      assertThat(file).hasBinaryContent(original);
    } finally {
      reports.put(NOV3, original);
    }
  }

  @Test
  void revokedCredentialsFailTheirOrgAloneAndAreToldApartFromTransientFailures(
      @TempDir Path landing) {
    apis.revoked.put("adlake@acme.iam.gserviceaccount.com", true);
    FetchReport dv360 = fetch(landing, Source.DV360, OrgScope.all(), NOV3, NOV3);
    assertThat(of(dv360, "acme-media").failure()).isEqualTo(FetchOutcome.Failure.CREDENTIALS);
    assertThat(of(dv360, "acme-media").message())
        .contains("invalid_grant", "adlake@acme.iam.gserviceaccount.com")
        .doesNotContain("PRIVATE KEY");
    assertThat(of(dv360, "kiwi-retail").ok()).isTrue();
    assertThat(landed(landing, "kiwi-retail", Source.DV360, NOV3, "csv")).exists();
    assertThat(landing.resolve("acme-media")).doesNotExist();

    // Meta answers a revoked token with error 190 on HTTP 400; TTD with 401. Neither is retried.
    apis.revoked.put(FakeReportingApis.META_TOKEN, true);
    long before = apis.count("POST " + FakeReportingApis.GRAPH);
    FetchOutcome meta =
        of(fetch(landing, Source.META, OrgScope.only("acme-media"), NOV2, NOV2), "acme-media");
    assertThat(meta.failure()).isEqualTo(FetchOutcome.Failure.CREDENTIALS);
    assertThat(meta.message())
        .contains("Meta error 190", "org acme-media, source meta, 2026-11-02")
        .doesNotContain(FakeReportingApis.META_TOKEN);
    assertThat(apis.count("POST " + FakeReportingApis.GRAPH) - before).isEqualTo(1);

    // Ad Manager answers with a SOAP fault on HTTP 500: an AuthenticationError is final, not
    // retried like a 500.
    apis.revoked.put(gamNetwork("kiwi-retail"), true);
    long soap = apis.count("POST /gam/");
    FetchReport gam = fetch(landing, Source.GAM, OrgScope.all(), NOV3, NOV3);
    assertThat(of(gam, "kiwi-retail").failure()).isEqualTo(FetchOutcome.Failure.CREDENTIALS);
    assertThat(of(gam, "kiwi-retail").message())
        .contains("AuthenticationError.NETWORK_API_ACCESS_DISABLED", "org kiwi-retail, source gam");
    assertThat(of(gam, "acme-media").ok()).isTrue();
    assertThat(apis.count("POST /gam/") - soap)
        .as("acme's run, status looks and download URL; kiwi's one refused call")
        .isLessThan(8);

    env.remove("SF_KIWI");
    FetchReport bookings = daily(landing, Source.BOOKINGS, OrgScope.all(), NOV3);
    assertThat(of(bookings, "kiwi-retail").failure()).isEqualTo(FetchOutcome.Failure.CREDENTIALS);
    assertThat(of(bookings, "kiwi-retail").message())
        .isEqualTo("$SF_KIWI is not set: no bookings credentials for org kiwi-retail");
    assertThat(of(bookings, "acme-media").ok()).isTrue();

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    bookings.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("kiwi-retail", "FAILED (credentials)", "acme-media", "1 new");
  }

  @Test
  void anExpiredTokenOrSessionIsRenewedOnceAndTheFetchGoesOn(@TempDir Path landing) {
    int issued = apis.tokensIssued.get();
    apis.expireNextTokens.set(1);
    assertThat(
            of(fetch(landing, Source.DV360, OrgScope.only("acme-media"), NOV3, NOV3), "acme-media")
                .ok())
        .isTrue();
    assertThat(apis.tokensIssued.get() - issued)
        .as("the expired token, then a fresh one")
        .isEqualTo(2);

    issued = apis.tokensIssued.get();
    apis.expireNextTokens.set(1);
    assertThat(
            of(daily(landing, Source.BOOKINGS, OrgScope.only("acme-media"), NOV3), "acme-media")
                .ok())
        .isTrue();
    assertThat(apis.tokensIssued.get() - issued)
        .as("Salesforce answered 401 INVALID_SESSION_ID once: a new session")
        .isEqualTo(2);
  }

  @Test
  void aReportThatFailsOrNeverFinishesFailsItsOrgWithWhatWasAwaited(@TempDir Path landing) {
    apis.failing.put("adv-acme-media", true);
    FetchReport dv360 = fetch(landing, Source.DV360, OrgScope.all(), NOV3, NOV3);
    assertThat(of(dv360, "acme-media").failure()).isEqualTo(FetchOutcome.Failure.TRANSIENT);
    assertThat(of(dv360, "acme-media").message())
        .contains("failed on the platform", "org acme-media, source dv360, 2026-11-03");
    assertThat(of(dv360, "kiwi-retail").ok()).isTrue();

    apis.endless.put(metaAccount("kiwi-retail"), true);
    FetchReport meta = fetch(landing, Source.META, OrgScope.all(), NOV2, NOV2, 1);
    assertThat(of(meta, "kiwi-retail").failure()).isEqualTo(FetchOutcome.Failure.TRANSIENT);
    assertThat(of(meta, "kiwi-retail").message())
        .contains(
            "Meta Insights job",
            "org kiwi-retail, source meta, 2026-11-02",
            "was not ready after 1 s",
            "Job Running");
    assertThat(of(meta, "acme-media").ok()).isTrue();

    apis.failing.put(gamNetwork("acme-media"), true);
    FetchOutcome gam =
        of(fetch(landing, Source.GAM, OrgScope.only("acme-media"), NOV3, NOV3), "acme-media");
    assertThat(gam.message())
        .contains(
            "Ad Manager report job",
            "FAILED on Ad Manager",
            "org acme-media, source gam, 2026-11-03");

    apis.failing.put("integration@kiwi-retail.example", true);
    FetchOutcome bookings =
        of(daily(landing, Source.BOOKINGS, OrgScope.only("kiwi-retail"), NOV3), "kiwi-retail");
    assertThat(bookings.message()).contains("ended Failed", "INVALID_FIELD");
    assertThat(landing.resolve("kiwi-retail").resolve("bookings")).doesNotExist();
  }

  @Test
  void aCutOrCorruptDownloadLandsNothing(@TempDir Path landing) throws IOException {
    apis.truncated.put("adv-acme-media", true);
    apis.corrupted.put("adv-kiwi-retail", true);
    FetchReport dv360 = fetch(landing, Source.DV360, OrgScope.all(), NOV3, NOV3);
    assertThat(of(dv360, "acme-media").failure()).isEqualTo(FetchOutcome.Failure.TRANSIENT);
    assertThat(of(dv360, "acme-media").message()).contains("download", "gave up after 3 attempts");
    assertThat(of(dv360, "kiwi-retail").message()).contains("MD5", "nothing was landed");
    assertThat(landing).isEmptyDirectory();
  }

  @Test
  void throttlingIsWaitedOutAndAStormOfTooManyRequestsGivesUpNamingIt(@TempDir Path landing) {
    apis.metaThrottles.set(2);
    FetchOutcome meta =
        of(fetch(landing, Source.META, OrgScope.only("acme-media"), NOV2, NOV2), "acme-media");
    assertThat(meta.ok()).as(meta.message()).isTrue();

    apis.http429s.set(1000);
    try {
      FetchOutcome storm =
          of(fetch(landing, Source.DV360, OrgScope.only("acme-media"), NOV3, NOV3), "acme-media");
      assertThat(storm.failure()).isEqualTo(FetchOutcome.Failure.TRANSIENT);
      assertThat(storm.message())
          .contains("HTTP 429", "gave up after 3 attempts", "org acme-media, source dv360");
    } finally {
      apis.http429s.set(0);
    }
  }

  @Test
  void anApiVersionPastItsSunsetIsRefusedBeforeAnyCallAndIsNotATransientFailure(
      @TempDir Path landing) {
    long calls = apis.count("POST /gam/");
    FetchReport report =
        jobWith(landing, "gam", endpoint(apis.base.resolve("gam/v202508/"), "GAM_KEY", 15, 30))
            .range(Source.GAM, OrgScope.only("acme-media"), NOV2, NOV2);
    FetchOutcome refused = of(report, "acme-media");
    assertThat(refused.failure()).isEqualTo(FetchOutcome.Failure.REFUSED);
    assertThat(refused.message())
        .contains("Ad Manager SOAP API v202508 was switched off on 2026-08-31")
        .contains("sources.gam.base_url in conf/connectors.yaml");
    assertThat(apis.count("POST /gam/")).isEqualTo(calls);
  }

  @Test
  void aTtdRestatementWindowIsRefusedSinceADayFetchedAgainIsTheSameExecution(
      @TempDir Path landing) {
    long calls = apis.count("POST /ttd/");
    FetchReport report =
        jobWith(landing, "ttd", endpoint(apis.base.resolve("ttd/v3/"), "TTD_TOKEN", 3, 30))
            .daily(Source.TTD, OrgScope.only("acme-media"), NOV3);
    FetchOutcome refused = of(report, "acme-media");
    assertThat(refused.failure()).isEqualTo(FetchOutcome.Failure.CONFIGURATION);
    assertThat(refused.message()).contains("restatement_days 3", "set restatement_days to 0");
    assertThat(apis.count("POST /ttd/")).isEqualTo(calls);
  }

  @Test
  void ttdWaitsForTheDaysExecutionOfTheOrgsScheduleAndSendsItsTokenToTheDownload(
      @TempDir Path landing) {
    apis.pollsBeforeReady = 2;
    FetchOutcome ttd =
        of(fetch(landing, Source.TTD, OrgScope.only("kiwi-retail"), NOV3, NOV3), "kiwi-retail");
    assertThat(ttd.ok()).as(ttd.message()).isTrue();
    assertThat(landed(landing, "kiwi-retail", Source.TTD, NOV3, "csv")).exists();

    apis.endless.put("ttd-acme-media", true);
    FetchOutcome pending =
        of(fetch(landing, Source.TTD, OrgScope.only("acme-media"), NOV3, NOV3, 1), "acme-media");
    assertThat(pending.message())
        .contains("TTD MyReports schedule 4242 for 2026-11-03", "not ready after 1 s", "Pending");
  }

  @Test
  void setupIsASnapshotFromEveryPlatformOfTheOrgThatIngestsToTheFixturesRows(
      Lakehouse fromFixtures, Lakehouse fromFetched, @TempDir Path landing) throws Exception {
    OrgScope acme = OrgScope.only("acme-media");
    FetchOutcome setup = of(daily(landing, Source.SETUP, acme, NOV3), "acme-media");
    assertThat(setup.ok()).as(setup.message()).isTrue();
    List<String> names =
        List.of(
            "dv360-sdf-insertion-orders-2026-11-03.csv",
            "dv360-sdf-line-items-2026-11-03.csv",
            "ttd-ad-groups-2026-11-03.jsonl",
            "meta-ad-sets-2026-11-03.jsonl");
    assertThat(setup.files())
        .containsOnlyKeys(names)
        .allSatisfy((name, result) -> assertThat(result).isEqualTo(LandingDrop.Result.NEW));
    Path folder = landing.resolve("acme-media").resolve("setup").resolve(NOV3.toString());
    Path fixture = fixtures.resolve("acme-media").resolve("setup").resolve(NOV3.toString());
    assertThat(folder.resolve(names.get(0)))
        .as("unzipped as DV360 wrote it")
        .hasSameBinaryContentAs(fixture.resolve("SDF-InsertionOrders.csv"));
    assertThat(folder.resolve(names.get(1)))
        .hasSameBinaryContentAs(fixture.resolve("SDF-LineItems.csv"));
    assertThat(apis.count("POST /ttd/v3/adgroup/query/advertiser"))
        .as("TTD's ad groups paged")
        .isGreaterThan(1);
    assertThat(
            apis.count(
                "GET " + FakeReportingApis.GRAPH + "act_" + metaAccount("acme-media") + "/adsets"))
        .as("Meta's ad sets paged")
        .isGreaterThan(1);

    // The collectors' additions (the campaign's BudgetingVersion, the account's currency) give
    // bronze the rows the
    // sample's files give, line for line, quarantine included.
    LandingScan expected = LandingScan.of(fixtures.toString(), store.list(fixture.toString()));
    LandingScan actual = LandingScan.of(landing.toString(), store.list(folder.toString()));
    IngestReport fromSample =
        new IngestJob(fromFixtures, ORGS, store, Progress.silent())
            .run(expected.slices(), expected.rejected());
    IngestReport fetched =
        new IngestJob(fromFetched, ORGS, store, Progress.silent())
            .run(actual.slices(), actual.rejected());
    assertThat(fetched.reconciles()).isTrue();
    for (String format :
        List.of(
            "dv360_sdf_insertion_orders",
            "dv360_sdf_line_items",
            "ttd_ad_groups",
            "meta_ad_sets")) {
      assertThat(counts(fetched, format))
          .as(format)
          .isEqualTo(counts(fromSample, format))
          .satisfies(c -> assertThat(c.get(1)).isPositive());
    }
    for (TableSpec table :
        List.of(
            Tables.BRONZE_SDF_INSERTION_ORDERS,
            Tables.BRONZE_SDF_LINE_ITEMS,
            Tables.BRONZE_TTD_AD_GROUPS,
            Tables.BRONZE_META_AD_SETS)) {
      assertThat(rows(fromFetched, table, true))
          .as(table.name())
          .isNotEmpty()
          .isEqualTo(rows(fromFixtures, table, true));
    }

    // Fetched again the same day: nothing changed, nothing lands. A backfill of a snapshot is
    // refused.
    assertThat(of(daily(landing, Source.SETUP, acme, NOV3), "acme-media").files())
        .containsOnlyKeys(names)
        .allSatisfy((name, result) -> assertThat(result).isEqualTo(LandingDrop.Result.UNCHANGED));
    Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> job(landing, 30).range(Source.SETUP, acme, NOV2, NOV3))
        .withMessageContaining("setup is a snapshot");

    // The next day Meta refuses the token, the SDF task fails and TTD lists no ad group for an
    // advertiser that had
    // some: each flow fails on its own with what happened, nothing of theirs lands, and the org's
    // fetch says all three.
    LocalDate nov4 = NOV3.plusDays(1);
    List<JsonNode> groups = apis.ttdAdGroups.put("ttd-acme-media", List.of());
    apis.revoked.put(FakeReportingApis.META_TOKEN, true);
    apis.failing.put("adv-acme-media", true);
    try {
      FetchOutcome broken = of(daily(landing, Source.SETUP, acme, nov4), "acme-media");
      assertThat(broken.failure())
          .as("the failed SDF task and the empty list may pass on a retry")
          .isEqualTo(FetchOutcome.Failure.TRANSIENT);
      assertThat(broken.message())
          .contains(
              "dv360: DV360 SDF download task sdfdownloadtasks/operations/",
              "failed: code 3",
              "org acme-media, source setup from dv360, 2026-11-04")
          .contains(
              "ttd: org acme-media, source setup, 2026-11-04: the platform returned an empty ttd-ad-groups-2026-11-04.jsonl where the latest landed version has rows")
          .contains("meta: ", "Meta error 190")
          .doesNotContain(FakeReportingApis.META_TOKEN);
      assertThat(landing.resolve("acme-media").resolve("setup").resolve(nov4.toString()))
          .doesNotExist();

      // Meta alone refused: the other platforms' files land, and the exit code asks a person to
      // renew the token.
      apis.failing.clear();
      apis.ttdAdGroups.put("ttd-acme-media", groups);
      FetchOutcome metaRefused = of(daily(landing, Source.SETUP, acme, nov4), "acme-media");
      assertThat(metaRefused.failure()).isEqualTo(FetchOutcome.Failure.CREDENTIALS);
      assertThat(metaRefused.files())
          .containsOnlyKeys(
              "dv360-sdf-insertion-orders-2026-11-04.csv",
              "dv360-sdf-line-items-2026-11-04.csv",
              "ttd-ad-groups-2026-11-04.jsonl");
    } finally {
      apis.ttdAdGroups.put("ttd-acme-media", groups);
    }
  }
}

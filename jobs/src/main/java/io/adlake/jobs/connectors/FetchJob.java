package io.adlake.jobs.connectors;

import io.adlake.catalog.landing.LandingStore;
import io.adlake.jobs.Progress;
import io.adlake.model.Source;
import io.adlake.model.config.ConnectorSettings;
import io.adlake.model.config.ConnectorSettings.OrgAccount;
import io.adlake.model.config.ConnectorSettings.SourceEndpoint;
import io.adlake.model.org.Org;
import io.adlake.model.org.OrgRegistry;
import io.adlake.model.org.OrgScope;
import io.adlake.platforms.fetch.ApiCalls;
import io.adlake.platforms.fetch.FetchException;
import io.adlake.platforms.fetch.Landing;
import io.adlake.platforms.fetch.OrgFetch;
import io.adlake.platforms.fetch.ReportFetcher;
import io.adlake.platforms.fetch.ReportPoll;
import io.adlake.platforms.http.AccessToken;
import io.adlake.platforms.http.PlatformClient;
import io.adlake.platforms.http.PlatformException;
import io.adlake.platforms.kit.CredentialsMissing;
import io.adlake.platforms.kit.PlatformAccess;
import io.adlake.platforms.kit.PlatformKit;
import io.adlake.platforms.kit.PlatformKits;
import io.adlake.platforms.kit.VersionRefused;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code adlake fetch}: one source's reports for every org that fetches it (conf/connectors.yaml
 * names its account and the org registry enables the source), one org after another. An org's
 * failure (revoked credentials, a failed or endless report, a cut download) is its own: it is
 * reported with its reason and the next org is fetched. Setup is fetched from every platform the
 * org has an account with (DV360 SDF, TTD ad groups, Meta ad sets), each flow on its own. What each
 * platform fetches, and how its credentials become a token, is its {@link PlatformKit}'s; the
 * clients and secrets are {@link PlatformAccess}'s, shared with write-back.
 */
public final class FetchJob {
  private final ConnectorSettings settings;
  private final OrgRegistry orgs;
  private final LandingStore store;
  private final String landing;
  private final PlatformAccess access;
  private final Progress progress;

  /**
   * @param access the platforms, their clients and the environment the credentials are read from
   */
  public FetchJob(
      ConnectorSettings settings,
      OrgRegistry orgs,
      LandingStore store,
      String landing,
      PlatformAccess access,
      Progress progress) {
    this.settings = settings;
    this.orgs = orgs;
    this.store = store;
    this.landing = landing;
    this.access = access;
    this.progress = progress;
  }

  /**
   * The daily fetch of delivery date {@code delivery}: the report days up to the day before it (the
   * last complete one) and the org's restatement window before that, each landed in the delivery's
   * folder if it changed. A snapshot (bookings, setup) is fetched once, as of the delivery date.
   */
  public FetchReport daily(Source source, OrgScope only, LocalDate delivery) {
    boolean snapshot = ConnectorSettings.SNAPSHOTS.contains(source);
    return run(
        source,
        only,
        snapshot ? delivery : null,
        snapshot ? delivery : delivery.minusDays(1),
        delivery);
  }

  /**
   * A backfill of report days: each day lands where the daily fetch would have put it, the day
   * after.
   */
  public FetchReport range(Source source, OrgScope only, LocalDate first, LocalDate last) {
    if (ConnectorSettings.SNAPSHOTS.contains(source)) {
      throw new IllegalArgumentException(
          source.id()
              + " is a snapshot of what the platform holds now: it cannot be fetched for past days");
    }
    return run(source, only, first, last, null);
  }

  /**
   * One platform flow of an org's fetch: the connector, the platform whose account and credentials
   * it uses, and the source whose endpoint it calls (the fetched source's own, but for DV360's
   * setup: {@code sources.setup}, the Display &amp; Video 360 API, not Bid Manager).
   */
  private record Flow(ReportFetcher fetcher, PlatformKit kit, Source endpoint) {
    Source platform() {
      return kit.source();
    }
  }

  private List<Flow> flows(Source source, String org) {
    PlatformKits kits = access.kits();
    if (source != Source.SETUP) {
      PlatformKit kit = kits.find(source).orElseThrow(() -> notFetchable(source));
      ReportFetcher reports = kit.reports().orElseThrow(() -> notFetchable(source));
      return settings.account(org, source).isPresent()
          ? List.of(new Flow(reports, kit, source))
          : List.of();
    }
    List<Flow> flows = new ArrayList<>();
    for (PlatformKit kit : kits.withSetup()) {
      if (settings.account(org, kit.source()).isPresent()) {
        PlatformKit.SetupFetch setup = kit.setup().orElseThrow();
        flows.add(new Flow(setup.fetcher(), kit, setup.endpoint()));
      }
    }
    return flows;
  }

  private IllegalArgumentException notFetchable(Source source) {
    return new IllegalArgumentException(
        "adlake fetches "
            + access.kits().fetchable().stream().map(Source::id).toList()
            + ", not "
            + source.id());
  }

  /**
   * @param only the orgs to fetch, of those that fetch the source
   * @param first the first report day, or null: {@code last} minus the org's restatement window
   * @param last the last report day
   * @param delivery the delivery folder of every day, or null: the day after each
   */
  private FetchReport run(
      Source source, OrgScope only, LocalDate first, LocalDate last, LocalDate delivery) {
    LandingDrop drop = new LandingDrop(store, landing, delivery);
    List<FetchOutcome> outcomes = new ArrayList<>();
    for (Org org : orgs.orgs()) {
      String id = org.id().value();
      List<Flow> flows = flows(source, id);
      if (flows.isEmpty() || !org.enabled(source) || !only.includes(id)) {
        continue;
      }
      int window = first != null ? 0 : settings.restatementDays(id, source);
      LocalDate from = first != null ? first : last.minusDays(window);
      String dates = from.equals(last) ? last.toString() : from + " to " + last;
      Optional<String> refusal =
          window == 0
              ? Optional.empty()
              : flows.stream().flatMap(f -> f.kit().restatementRefusal().stream()).findFirst();
      if (refusal.isPresent()) {
        String message =
            "org "
                + id
                + ", source "
                + source.id()
                + ": restatement_days "
                + window
                + " in conf/connectors.yaml: "
                + refusal.get();
        progress.step("fetch " + message + " (nothing fetched)");
        outcomes.add(
            new FetchOutcome(
                id, source, from, last, Map.of(), FetchOutcome.Failure.CONFIGURATION, message));
        continue;
      }
      progress.step("fetch org " + id + ", source " + source.id() + ", " + dates);
      outcomes.add(fetchOrg(source, flows, drop, id, from, last, dates));
    }
    return new FetchReport(source, outcomes);
  }

  /**
   * Every flow of the org, each on its own: setup from DV360 still lands when the org's Meta token
   * was revoked. The outcome keeps every file and every failure.
   */
  private FetchOutcome fetchOrg(
      Source source,
      List<Flow> flows,
      LandingDrop drop,
      String org,
      LocalDate first,
      LocalDate last,
      String dates) {
    Map<String, LandingDrop.Result> files = new LinkedHashMap<>();
    List<String> messages = new ArrayList<>();
    Set<FetchOutcome.Failure> failures = EnumSet.noneOf(FetchOutcome.Failure.class);
    for (Flow flow : flows) {
      String scope =
          "org "
              + org
              + ", source "
              + source.id()
              + (source == flow.platform() ? "" : " from " + flow.platform().id())
              + ", "
              + dates;
      FetchOutcome.Failure failure;
      String message;
      Path scratch = null;
      try {
        SourceEndpoint endpoint = settings.endpoint(flow.endpoint());
        access
            .requireCallable(
                flow.kit(),
                endpoint.baseUrl(),
                "sources." + flow.endpoint().id() + ".base_url in conf/connectors.yaml")
            .forEach(warning -> progress.step("fetch " + scope + ": WARNING " + warning));
        PlatformClient client = access.client(flow.endpoint().id(), flow.kit(), endpoint);
        String variable = settings.credentialsEnv(org, flow.platform());
        AccessToken token =
            flow.kit()
                .fetchToken(
                    new PlatformKit.Credentials(
                        access.secret(variable, flow.kit(), org),
                        "$" + variable,
                        source,
                        endpoint.baseUrl(),
                        client,
                        access.clock()));
        ApiCalls calls = new ApiCalls(client, token, flow.kit().tokenHeader(), scope);
        scratch = Files.createTempDirectory("adlake-fetch-");
        ReportPoll poll =
            new ReportPoll(
                Duration.ofMillis(endpoint.pollMillis()),
                Duration.ofSeconds(endpoint.timeoutSeconds()),
                access.clock());
        OrgAccount account = settings.account(org, flow.platform()).orElseThrow();
        Landing landing =
            (stem, day, extension, file, shape) ->
                files.put(
                    LandingDrop.name(stem, day, extension),
                    drop.drop(org, source, stem, day, extension, file, shape));
        flow.fetcher()
            .fetch(
                new OrgFetch(
                    source,
                    org,
                    account,
                    first,
                    last,
                    endpoint.baseUrl(),
                    calls,
                    token,
                    poll,
                    landing,
                    scratch));
        continue;
      } catch (FetchException e) {
        failure =
            switch (e.kind()) {
              case CREDENTIALS -> FetchOutcome.Failure.CREDENTIALS;
              case REFUSED -> FetchOutcome.Failure.REFUSED;
              default -> FetchOutcome.Failure.TRANSIENT;
            };
        message = e.getMessage();
      } catch (CredentialsMissing e) {
        failure = FetchOutcome.Failure.CREDENTIALS;
        message = e.getMessage();
      } catch (PlatformException e) {
        // A call outside the org's ApiCalls (a token exchange) that failed for good.
        failure =
            e.credentialsRefused()
                ? FetchOutcome.Failure.CREDENTIALS
                : e.requestRefused()
                    ? FetchOutcome.Failure.REFUSED
                    : FetchOutcome.Failure.TRANSIENT;
        message = scope + ": " + e.getMessage();
      } catch (VersionRefused e) {
        failure = FetchOutcome.Failure.REFUSED;
        message = e.getMessage();
      } catch (IllegalStateException | IllegalArgumentException e) {
        failure = FetchOutcome.Failure.CONFIGURATION;
        message = e.getMessage();
      } catch (IOException | UncheckedIOException e) {
        failure = FetchOutcome.Failure.TRANSIENT;
        message = e.getMessage();
      } catch (RuntimeException e) {
        // An answer shaped unlike the documentation: the org's fetch fails with it, the other orgs'
        // go on.
        failure = FetchOutcome.Failure.TRANSIENT;
        message = scope + ": unexpected answer (" + e + ")";
      } finally {
        delete(scratch);
      }
      String named = source == flow.platform() ? message : flow.platform().id() + ": " + message;
      progress.step(
          "fetch "
              + scope
              + " FAILED ("
              + failure.name().toLowerCase(Locale.ROOT)
              + "): "
              + message);
      failures.add(failure);
      messages.add(named);
    }
    // The kind a retry can help wins, then configuration, then a refused request: the exit code
    // asks
    // for the retry that may land the rest.
    FetchOutcome.Failure failure =
        failures.isEmpty()
            ? null
            : failures.contains(FetchOutcome.Failure.TRANSIENT)
                ? FetchOutcome.Failure.TRANSIENT
                : failures.contains(FetchOutcome.Failure.CONFIGURATION)
                    ? FetchOutcome.Failure.CONFIGURATION
                    : failures.contains(FetchOutcome.Failure.REFUSED)
                        ? FetchOutcome.Failure.REFUSED
                        : FetchOutcome.Failure.CREDENTIALS;
    return new FetchOutcome(
        org,
        source,
        first,
        last,
        files,
        failure,
        failure == null ? null : String.join("; ", messages));
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a scratch folder left in the temp dir is harmless
    }
  }
}

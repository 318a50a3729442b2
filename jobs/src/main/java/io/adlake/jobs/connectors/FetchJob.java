package io.adlake.jobs.connectors;

import io.adlake.catalog.landing.LandingStore;
import io.adlake.jobs.Progress;
import io.adlake.jobs.platforms.PlatformClient;
import io.adlake.jobs.platforms.RetrySignals;
import io.adlake.model.Source;
import io.adlake.model.config.ConnectorSettings;
import io.adlake.model.config.ConnectorSettings.OrgAccount;
import io.adlake.model.config.ConnectorSettings.SourceEndpoint;
import io.adlake.model.org.Org;
import io.adlake.model.org.OrgRegistry;
import io.adlake.model.platforms.BidManagerApi;
import io.adlake.model.platforms.DisplayVideoApi;
import io.adlake.model.platforms.GamApi;
import io.adlake.model.platforms.MetaApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * {@code adlake fetch}: one source's reports for every org that fetches it (conf/connectors.yaml names its
 * account and the org registry enables the source), one org after another. An org's failure (revoked credentials,
 * a failed or endless report, a cut download) is its own: it is reported with its reason and the next org is
 * fetched. Setup is fetched from every platform the org has an account with (DV360 SDF, TTD ad groups, Meta ad
 * sets), each flow on its own. One client per endpoint for the whole fetch, so the platform's rate limit spaces
 * every org's calls.
 */
public final class FetchJob {
  private final ConnectorSettings settings;
  private final OrgRegistry orgs;
  private final LandingStore store;
  private final String landing;
  private final UnaryOperator<String> env;
  private final Clock clock;
  private final Progress progress;
  private final Map<Source, PlatformClient> clients = new EnumMap<>(Source.class);

  /**
   * @param env   environment lookup ({@code System::getenv} in production): where credentials are
   * @param clock now, for token lifetimes and report timeouts
   */
  public FetchJob(ConnectorSettings settings, OrgRegistry orgs, LandingStore store, String landing, UnaryOperator<String> env, Clock clock, Progress progress) {
    this.settings = settings;
    this.orgs = orgs;
    this.store = store;
    this.landing = landing;
    this.env = env;
    this.clock = clock;
    this.progress = progress;
  }

  /**
   * The daily fetch of delivery date {@code delivery}: the report days up to the day before it (the last complete
   * one) and the org's restatement window before that, each landed in the delivery's folder if it changed. A
   * snapshot (bookings, setup) is fetched once, as of the delivery date.
   */
  public FetchReport daily(Source source, Set<String> only, LocalDate delivery) {
    boolean snapshot = ConnectorSettings.SNAPSHOTS.contains(source);
    return run(source, only, snapshot ? delivery : null, snapshot ? delivery : delivery.minusDays(1), delivery);
  }

  /** A backfill of report days: each day lands where the daily fetch would have put it, the day after. */
  public FetchReport range(Source source, Set<String> only, LocalDate first, LocalDate last) {
    if (ConnectorSettings.SNAPSHOTS.contains(source)) {
      throw new IllegalArgumentException(source.id() + " is a snapshot of what the platform holds now: it cannot be fetched for past days");
    }
    return run(source, only, first, last, null);
  }

  /**
   * One platform flow of an org's fetch: the connector, the platform whose account and credentials it uses, and the
   * source whose endpoint it calls (the fetched source's own, but for DV360's setup: {@code sources.setup}, the
   * Display &amp; Video 360 API, not Bid Manager).
   */
  private record Flow(ReportConnector connector, Source platform, Source endpoint) {}

  private List<Flow> flows(Source source, String org) {
    if (source != Source.SETUP) {
      return settings.account(org, source).isPresent() ? List.of(new Flow(connector(source), source, source)) : List.of();
    }
    List<Flow> flows = new ArrayList<>();
    for (Source platform : ConnectorSettings.SETUP_PLATFORMS) {
      if (settings.account(org, platform).isPresent()) {
        flows.add(
            switch (platform) {
              case DV360 -> new Flow(new Dv360SdfFetch(), platform, Source.SETUP);
              case TTD -> new Flow(new TtdAdGroupsFetch(), platform, platform);
              default -> new Flow(new MetaAdSetsFetch(), platform, platform);
            });
      }
    }
    return flows;
  }

  /**
   * @param only     the orgs to fetch; empty: every org that fetches the source
   * @param first    the first report day, or null: {@code last} minus the org's restatement window
   * @param last     the last report day
   * @param delivery the delivery folder of every day, or null: the day after each
   */
  private FetchReport run(Source source, Set<String> only, LocalDate first, LocalDate last, LocalDate delivery) {
    LandingDrop drop = new LandingDrop(store, landing, delivery);
    List<FetchOutcome> outcomes = new ArrayList<>();
    for (Org org : orgs.orgs()) {
      String id = org.id().value();
      List<Flow> flows = flows(source, id);
      if (flows.isEmpty() || !org.enabled(source) || (!only.isEmpty() && !only.contains(id))) {
        continue;
      }
      LocalDate from = first != null ? first : last.minusDays(settings.restatementDays(id, source));
      String dates = from.equals(last) ? last.toString() : from + " to " + last;
      progress.step("fetch org " + id + ", source " + source.id() + ", " + dates);
      outcomes.add(fetchOrg(source, flows, drop, id, from, last, dates));
    }
    return new FetchReport(source, outcomes);
  }

  /**
   * Every flow of the org, each on its own: setup from DV360 still lands when the org's Meta token was revoked. The
   * outcome keeps every file and every failure.
   */
  private FetchOutcome fetchOrg(Source source, List<Flow> flows, LandingDrop drop, String org, LocalDate first, LocalDate last, String dates) {
    Map<String, LandingDrop.Result> files = new LinkedHashMap<>();
    List<String> messages = new ArrayList<>();
    Set<FetchOutcome.Failure> failures = EnumSet.noneOf(FetchOutcome.Failure.class);
    for (Flow flow : flows) {
      String scope = "org " + org + ", source " + source.id() + (source == flow.platform() ? "" : " from " + flow.platform().id()) + ", " + dates;
      FetchOutcome.Failure failure;
      String message;
      Path scratch = null;
      try {
        SourceEndpoint endpoint = settings.endpoint(flow.endpoint());
        PlatformClient client = client(flow.endpoint(), flow.platform(), endpoint);
        AccessToken token = token(source, flow.platform(), org, endpoint, client);
        ApiCalls calls = new ApiCalls(client, token, flow.platform() == Source.TTD ? "TTD-Auth" : "Authorization", scope);
        scratch = Files.createTempDirectory("adlake-fetch-");
        ReportPoll poll = new ReportPoll(Duration.ofMillis(endpoint.pollMillis()), Duration.ofSeconds(endpoint.timeoutSeconds()), clock);
        OrgAccount account = settings.account(org, flow.platform()).orElseThrow();
        flow.connector().fetch(
            new OrgFetch(source, org, account, first, last, source == Source.BOOKINGS ? null : endpoint.baseUrl(), calls, token, poll, drop, files, scratch));
        continue;
      } catch (FetchException e) {
        failure = e.kind() == FetchException.Kind.CREDENTIALS ? FetchOutcome.Failure.CREDENTIALS : FetchOutcome.Failure.TRANSIENT;
        message = e.getMessage();
      } catch (IllegalStateException | IllegalArgumentException e) {
        failure = FetchOutcome.Failure.CONFIGURATION;
        message = e.getMessage();
      } catch (IOException | UncheckedIOException e) {
        failure = FetchOutcome.Failure.TRANSIENT;
        message = e.getMessage();
      } catch (RuntimeException e) {
        // An answer shaped unlike the documentation: the org's fetch fails with it, the other orgs' go on.
        failure = FetchOutcome.Failure.TRANSIENT;
        message = scope + ": unexpected answer (" + e + ")";
      } finally {
        delete(scratch);
      }
      String named = source == flow.platform() ? message : flow.platform().id() + ": " + message;
      progress.step("fetch " + scope + " FAILED (" + failure.name().toLowerCase(Locale.ROOT) + "): " + message);
      failures.add(failure);
      messages.add(named);
    }
    // The kind a retry can help wins, then configuration: the exit code asks for the retry that may land the rest.
    FetchOutcome.Failure failure =
        failures.isEmpty() ? null : failures.contains(FetchOutcome.Failure.TRANSIENT) ? FetchOutcome.Failure.TRANSIENT
            : failures.contains(FetchOutcome.Failure.CONFIGURATION) ? FetchOutcome.Failure.CONFIGURATION : FetchOutcome.Failure.CREDENTIALS;
    return new FetchOutcome(org, source, first, last, files, failure, failure == null ? null : String.join("; ", messages));
  }

  /** One client per endpoint for the whole fetch, so the platform's rate limit spaces every org's calls. */
  private PlatformClient client(Source endpointOf, Source platform, SourceEndpoint endpoint) {
    return clients.computeIfAbsent(
        endpointOf,
        key -> new PlatformClient(
            platform.id(),
            PlatformClient.Policy.ofMillis(endpoint.attempts(), endpoint.backoffMillis(), endpoint.maxBackoffMillis(), endpoint.minIntervalMillis()),
            RetrySignals.of(platform.id())));
  }

  /** The org's credentials from the environment variable conf/connectors.yaml names; their text is never in a message. */
  private AccessToken token(Source source, Source platform, String org, SourceEndpoint endpoint, PlatformClient client) {
    String variable = settings.credentialsEnv(org, platform);
    String secret = env.apply(variable);
    if (secret == null || secret.isBlank()) {
      throw new FetchException(FetchException.Kind.CREDENTIALS, "$" + variable + " is not set: no " + platform.id() + " credentials for org " + org, null);
    }
    String what = "$" + variable;
    return switch (platform) {
      case DV360 -> new ServiceAccountToken(secret, what, source == Source.SETUP ? DisplayVideoApi.SCOPE : BidManagerApi.SCOPE, client, clock);
      case GAM -> new ServiceAccountToken(secret, what, GamApi.SCOPE, client, clock);
      case BOOKINGS -> new SalesforceSession(secret, what, endpoint.baseUrl(), client, clock);
      case META -> {
        String outdated = MetaApi.versionProblem(endpoint.baseUrl().toString(), LocalDate.now(clock), "sources.meta.base_url in conf/connectors.yaml");
        if (outdated != null) {
          throw new IllegalStateException(outdated);
        }
        yield new EnvironmentToken(secret);
      }
      default -> new EnvironmentToken(secret);
    };
  }

  static ReportConnector connector(Source source) {
    return switch (source) {
      case DV360 -> new Dv360ReportFetch();
      case TTD -> new TtdReportFetch();
      case META -> new MetaInsightsFetch();
      case GAM -> new GamReportFetch();
      case BOOKINGS -> new SalesforceBookingsFetch();
      default -> throw new IllegalArgumentException("adlake fetches " + ConnectorSettings.FETCHABLE.stream().map(Source::id).toList() + ", not " + source.id());
    };
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

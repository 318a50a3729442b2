package io.adlake.jobs.connectors;

import io.adlake.catalog.landing.LandingStore;
import io.adlake.jobs.Progress;
import io.adlake.jobs.platforms.GamRetrySignals;
import io.adlake.jobs.platforms.MetaRetrySignals;
import io.adlake.jobs.platforms.PlatformClient;
import io.adlake.jobs.platforms.RetrySignals;
import io.adlake.model.Source;
import io.adlake.model.config.ConnectorSettings;
import io.adlake.model.config.ConnectorSettings.OrgAccount;
import io.adlake.model.config.ConnectorSettings.SourceEndpoint;
import io.adlake.model.org.Org;
import io.adlake.model.org.OrgRegistry;
import io.adlake.model.platforms.BidManagerApi;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * {@code adlake fetch}: one source's reports for every org that fetches it (conf/connectors.yaml names its
 * account and the org registry enables the source), one org after another. An org's failure (revoked credentials,
 * a failed or endless report, a cut download) is its own: it is reported with its reason and the next org is
 * fetched. One client per source for the whole fetch, so the platform's rate limit spaces every org's calls.
 */
public final class FetchJob {
  private final ConnectorSettings settings;
  private final OrgRegistry orgs;
  private final LandingStore store;
  private final String landing;
  private final UnaryOperator<String> env;
  private final Clock clock;
  private final Progress progress;

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
   * one) and the org's restatement window before that, each landed in the delivery's folder if it changed.
   * Bookings, a snapshot, are fetched once, as of the delivery date.
   */
  public FetchReport daily(Source source, Set<String> only, LocalDate delivery) {
    LocalDate last = source == Source.BOOKINGS ? delivery : delivery.minusDays(1);
    return run(source, only, source == Source.BOOKINGS ? delivery : null, last, delivery);
  }

  /** A backfill of report days: each day lands where the daily fetch would have put it, the day after. */
  public FetchReport range(Source source, Set<String> only, LocalDate first, LocalDate last) {
    return run(source, only, first, last, null);
  }

  /**
   * @param only     the orgs to fetch; empty: every org that fetches the source
   * @param first    the first report day, or null: {@code last} minus the org's restatement window
   * @param last     the last report day
   * @param delivery the delivery folder of every day, or null: the day after each
   */
  private FetchReport run(Source source, Set<String> only, LocalDate first, LocalDate last, LocalDate delivery) {
    ReportConnector connector = connector(source);
    SourceEndpoint endpoint = settings.endpoint(source);
    PlatformClient client =
        new PlatformClient(
            source.id(),
            PlatformClient.Policy.ofMillis(endpoint.attempts(), endpoint.backoffMillis(), endpoint.maxBackoffMillis(), endpoint.minIntervalMillis()),
            source == Source.META ? new MetaRetrySignals() : source == Source.GAM ? new GamRetrySignals() : RetrySignals.HTTP);
    ReportPoll poll = new ReportPoll(Duration.ofMillis(endpoint.pollMillis()), Duration.ofSeconds(endpoint.timeoutSeconds()), clock);
    LandingDrop drop = new LandingDrop(store, landing, delivery);
    List<FetchOutcome> outcomes = new ArrayList<>();
    for (Org org : orgs.orgs()) {
      String id = org.id().value();
      Optional<OrgAccount> account = settings.account(id, source);
      if (account.isEmpty() || !org.enabled(source) || (!only.isEmpty() && !only.contains(id))) {
        continue;
      }
      LocalDate from = first != null ? first : source == Source.BOOKINGS ? last : last.minusDays(settings.restatementDays(id, source));
      String scope = "org " + id + ", source " + source.id() + ", " + (from.equals(last) ? last : from + " to " + last);
      progress.step("fetch " + scope);
      outcomes.add(fetchOrg(connector, client, poll, drop, endpoint, id, account.get(), from, last, scope));
    }
    return new FetchReport(source, outcomes);
  }

  private FetchOutcome fetchOrg(
      ReportConnector connector, PlatformClient client, ReportPoll poll, LandingDrop drop, SourceEndpoint endpoint, String org, OrgAccount account,
      LocalDate first, LocalDate last, String scope) {
    Source source = connector.source();
    Map<LocalDate, LandingDrop.Result> days = new LinkedHashMap<>();
    Path scratch = null;
    try {
      AccessToken token = token(source, org, endpoint, client);
      ApiCalls calls = new ApiCalls(client, token, source == Source.TTD ? "TTD-Auth" : "Authorization", scope);
      scratch = Files.createTempDirectory("adlake-fetch-");
      connector.fetch(new OrgFetch(source, org, account, first, last, source == Source.BOOKINGS ? null : endpoint.baseUrl(), calls, token, poll, drop, days, scratch));
      return new FetchOutcome(org, source, first, last, days, null, null);
    } catch (FetchException e) {
      FetchOutcome.Failure failure = e.kind() == FetchException.Kind.CREDENTIALS ? FetchOutcome.Failure.CREDENTIALS : FetchOutcome.Failure.TRANSIENT;
      progress.step("fetch " + scope + " FAILED (" + e.kind().name().toLowerCase(java.util.Locale.ROOT) + "): " + e.getMessage());
      return new FetchOutcome(org, source, first, last, days, failure, e.getMessage());
    } catch (IllegalStateException | IllegalArgumentException e) {
      progress.step("fetch " + scope + " FAILED (configuration): " + e.getMessage());
      return new FetchOutcome(org, source, first, last, days, FetchOutcome.Failure.CONFIGURATION, e.getMessage());
    } catch (IOException | UncheckedIOException e) {
      progress.step("fetch " + scope + " FAILED (landing): " + e.getMessage());
      return new FetchOutcome(org, source, first, last, days, FetchOutcome.Failure.TRANSIENT, e.getMessage());
    } finally {
      delete(scratch);
    }
  }

  /** The org's credentials from the environment variable conf/connectors.yaml names; their text is never in a message. */
  private AccessToken token(Source source, String org, SourceEndpoint endpoint, PlatformClient client) {
    String variable = settings.credentialsEnv(org, source);
    String secret = env.apply(variable);
    if (secret == null || secret.isBlank()) {
      throw new FetchException(FetchException.Kind.CREDENTIALS, "$" + variable + " is not set: no " + source.id() + " credentials for org " + org, null);
    }
    String what = "$" + variable;
    return switch (source) {
      case DV360 -> new ServiceAccountToken(secret, what, BidManagerApi.SCOPE, client, clock);
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

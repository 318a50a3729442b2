package io.adlake.model.config;

import io.adlake.model.Source;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code conf/connectors.yaml}: where each platform's reporting API is, how long to wait for a
 * report, how far back the platform restates, and which account of the platform is each org's.
 * Credentials are never here: a source names the environment variable holding them, and an org may
 * name its own.
 *
 * @param sources per source adlake can fetch (dv360, ttd, meta, gam, bookings, setup): its endpoint
 *     and defaults
 * @param orgs per org, per source: the org's account on the platform and its own overrides
 */
public record ConnectorSettings(
    Map<String, SourceEndpoint> sources, Map<String, Map<String, OrgAccount>> orgs) {

  /**
   * The sources whose fetch is a snapshot of what the platform holds when asked (what is sold, how
   * campaigns are set up), not the report of past days: fetched as of a delivery date, never
   * backfilled.
   */
  public static final List<Source> SNAPSHOTS = List.of(Source.BOOKINGS, Source.SETUP);

  public ConnectorSettings {
    sources = sources == null ? Map.of() : Map.copyOf(sources);
    orgs = orgs == null ? Map.of() : Map.copyOf(new TreeMap<>(orgs));
    sources.forEach(
        (source, endpoint) -> {
          requireSource("sources." + source, source);
          boolean setup = source.equals(Source.SETUP.id());
          if (setup && endpoint.credentialsEnv() != null) {
            throw new IllegalArgumentException(
                "sources.setup.credentials_env: setup is fetched with each platform's credentials (sources.dv360, ttd and meta)");
          }
          if (!setup && endpoint.credentialsEnv() == null) {
            throw new IllegalArgumentException(
                "sources."
                    + source
                    + ".credentials_env: the environment variable holding the credentials is missing");
          }
        });
    Map<String, SourceEndpoint> configured = sources;
    orgs.forEach(
        (org, accounts) ->
            accounts
                .keySet()
                .forEach(
                    source -> {
                      requireSource("orgs." + org + "." + source, source);
                      if (source.equals(Source.SETUP.id())) {
                        throw new IllegalArgumentException(
                            "orgs."
                                + org
                                + ".setup: an org's setup is fetched with its dv360, ttd and meta accounts; name those");
                      }
                      if (!configured.containsKey(source)) {
                        throw new IllegalArgumentException(
                            "orgs."
                                + org
                                + "."
                                + source
                                + ": sources."
                                + source
                                + " is not configured");
                      }
                    }));
  }

  private static void requireSource(String key, String source) {
    if (Source.find(source).isEmpty()) {
      throw new IllegalArgumentException(
          key + ": no source '" + source + "'; sources are " + Source.ids());
    }
  }

  /**
   * Refuses a source no installed platform fetches (the platform registry knows which; this file
   * may not).
   *
   * @param fetchable the sources {@code adlake fetch} can fetch, from the platform registry
   */
  public void requireFetchable(List<Source> fetchable) {
    List<String> ids = fetchable.stream().map(Source::id).toList();
    sources.keySet().forEach(source -> requireIn(ids, "sources." + source, source));
    orgs.forEach(
        (org, accounts) ->
            accounts
                .keySet()
                .forEach(source -> requireIn(ids, "orgs." + org + "." + source, source)));
  }

  private static void requireIn(List<String> fetchable, String key, String source) {
    if (!fetchable.contains(source)) {
      throw new IllegalArgumentException(key + ": adlake fetches " + fetchable);
    }
  }

  /**
   * One platform's reporting API.
   *
   * @param baseUrl the API root, its version in the path (Bid Manager v2, TTD v3, Graph v26.0,
   *     Salesforce's login host for bookings, whose API root comes with the token, Display &amp;
   *     Video 360 v4 for setup)
   * @param credentialsEnv the environment variable with the credentials: a Google service-account
   *     key (JSON) for DV360 and Ad Manager, the TTD-Auth token, a Meta system-user token, or for
   *     Salesforce a JSON object with client_id, username and private_key (the JWT bearer flow);
   *     none for setup, which uses each platform's
   * @param restatementDays how many days before the fetched day the platform still changes: each
   *     fetch takes them again (0: the day only)
   * @param pollMillis the wait between two looks at a report being built
   * @param timeoutSeconds how long a report may take to be built before the fetch gives up on it
   * @param attempts tries per request, the first included (429, 5xx and broken connections are
   *     retried)
   * @param minIntervalMillis the least time between two requests to this platform: its rate limit
   * @param backoffMillis the first retry's wait when the platform gives no Retry-After
   * @param maxBackoffMillis the cap on one wait
   * @param connectTimeoutSeconds the longest wait for a connection (default 15)
   * @param requestTimeoutSeconds the longest one API call may take, answer included (default 120)
   * @param downloadTimeoutSeconds the longest one report download may take (default 1800)
   */
  public record SourceEndpoint(
      URI baseUrl,
      String credentialsEnv,
      Integer restatementDays,
      Long pollMillis,
      Integer timeoutSeconds,
      Integer attempts,
      Long minIntervalMillis,
      Long backoffMillis,
      Long maxBackoffMillis,
      Integer connectTimeoutSeconds,
      Integer requestTimeoutSeconds,
      Integer downloadTimeoutSeconds)
      implements RetrySettings {
    /** An endpoint with the default timeouts. */
    public SourceEndpoint(
        URI baseUrl,
        String credentialsEnv,
        Integer restatementDays,
        Long pollMillis,
        Integer timeoutSeconds,
        Integer attempts,
        Long minIntervalMillis,
        Long backoffMillis,
        Long maxBackoffMillis) {
      this(
          baseUrl,
          credentialsEnv,
          restatementDays,
          pollMillis,
          timeoutSeconds,
          attempts,
          minIntervalMillis,
          backoffMillis,
          maxBackoffMillis,
          null,
          null,
          null);
    }

    public SourceEndpoint {
      if (baseUrl == null
          || baseUrl.getScheme() == null
          || !baseUrl.getScheme().matches("https?")) {
        throw new IllegalArgumentException(
            "base_url must be an http(s) URL, was '" + baseUrl + "'");
      }
      if (!baseUrl.getPath().endsWith("/")) {
        baseUrl = URI.create(baseUrl + "/");
      }
      if (credentialsEnv != null) {
        PlatformEndpoint.requireEnvName("credentials_env", credentialsEnv);
      }
      restatementDays = restatementDays == null ? 0 : restatementDays;
      pollMillis = pollMillis == null ? 30_000L : pollMillis;
      timeoutSeconds = timeoutSeconds == null ? 3600 : timeoutSeconds;
      attempts = attempts == null ? 5 : attempts;
      minIntervalMillis = minIntervalMillis == null ? 250L : minIntervalMillis;
      backoffMillis = backoffMillis == null ? 1_000L : backoffMillis;
      maxBackoffMillis = maxBackoffMillis == null ? 60_000L : maxBackoffMillis;
      connectTimeoutSeconds =
          connectTimeoutSeconds == null
              ? RetrySettings.DEFAULT_CONNECT_TIMEOUT_SECONDS
              : connectTimeoutSeconds;
      requestTimeoutSeconds =
          requestTimeoutSeconds == null
              ? RetrySettings.DEFAULT_REQUEST_TIMEOUT_SECONDS
              : requestTimeoutSeconds;
      downloadTimeoutSeconds =
          downloadTimeoutSeconds == null
              ? RetrySettings.DEFAULT_DOWNLOAD_TIMEOUT_SECONDS
              : downloadTimeoutSeconds;
      RetrySettings.requireTimeouts(
          connectTimeoutSeconds, requestTimeoutSeconds, downloadTimeoutSeconds);
      requireRestatement("restatement_days", restatementDays);
      if (pollMillis < 0 || timeoutSeconds < 1) {
        throw new IllegalArgumentException("poll_millis must be >= 0 and timeout_seconds >= 1");
      }
      PlatformEndpoint.requirePolicy(attempts, minIntervalMillis, backoffMillis, maxBackoffMillis);
    }
  }

  /**
   * An org's account on one platform.
   *
   * @param account DV360 advertiser id, TTD advertiser id, Meta ad account id ({@code act_<id>}),
   *     Ad Manager network code; not used for bookings (the credentials choose the Salesforce org)
   * @param reportSchedule TTD only: the id of the org's scheduled MyReports report whose daily
   *     executions are fetched
   * @param credentialsEnv the org's own credentials variable (agencies hold one per DV360 partner,
   *     TTD partner, Meta business, Salesforce org); null: the source's
   * @param restatementDays the org's own window (an account that restates later); null: the
   *     source's
   */
  public record OrgAccount(
      String account, String reportSchedule, String credentialsEnv, Integer restatementDays) {
    public OrgAccount {
      if (account != null && !account.matches("[A-Za-z0-9_.-]{1,64}")) {
        throw new IllegalArgumentException(
            "account must be a platform id (letters, digits, _ . -), was '" + account + "'");
      }
      if (reportSchedule != null && !reportSchedule.matches("[A-Za-z0-9_-]{1,64}")) {
        throw new IllegalArgumentException(
            "report_schedule must be a TTD report schedule id, was '" + reportSchedule + "'");
      }
      if (credentialsEnv != null) {
        PlatformEndpoint.requireEnvName("credentials_env", credentialsEnv);
      }
      if (restatementDays != null) {
        requireRestatement("restatement_days", restatementDays);
      }
    }
  }

  private static void requireRestatement(String key, int days) {
    if (days < 0 || days > 90) {
      throw new IllegalArgumentException(key + " must be between 0 and 90, was " + days);
    }
  }

  /** The org's account for a source, or empty when the org does not fetch it. */
  public Optional<OrgAccount> account(String org, Source source) {
    return Optional.ofNullable(orgs.getOrDefault(org, Map.of()).get(source.id()));
  }

  public SourceEndpoint endpoint(Source source) {
    SourceEndpoint endpoint = sources.get(source.id());
    if (endpoint == null) {
      throw new IllegalStateException("conf/connectors.yaml has no sources." + source.id());
    }
    return endpoint;
  }

  /** The org's credentials variable for a source: its own, else the source's. */
  public String credentialsEnv(String org, Source source) {
    return account(org, source)
        .map(OrgAccount::credentialsEnv)
        .orElseGet(() -> endpoint(source).credentialsEnv());
  }

  /**
   * How many days before the fetched day the org's fetch takes again: its own window, else the
   * source's.
   */
  public int restatementDays(String org, Source source) {
    return account(org, source)
        .map(OrgAccount::restatementDays)
        .orElseGet(() -> endpoint(source).restatementDays());
  }
}

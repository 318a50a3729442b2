package io.adlake.platforms.kit;

import io.adlake.model.Source;
import io.adlake.platforms.fetch.ReportFetcher;
import io.adlake.platforms.http.AccessToken;
import io.adlake.platforms.http.PlatformClient;
import io.adlake.platforms.http.RetrySignals;
import io.adlake.platforms.versions.PinnedVersion;
import io.adlake.platforms.writeback.PlatformAdapter;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Everything adlake does with one platform, as one value: how it signals "try again", how an org's
 * credentials become a token, which reports and setup it fetches, and how write-back changes its
 * entities. A platform's package implements this once; {@link PlatformKits} holds every kit, so
 * nothing else switches over platforms.
 */
public interface PlatformKit {

  /**
   * The source the platform's reports land as; its id names the platform in conf/ and on the
   * command line.
   */
  Source source();

  /** How the platform says "try again", "wait" or "credentials refused". */
  default RetrySignals retrySignals() {
    return RetrySignals.HTTP;
  }

  /**
   * The header a token travels in: {@code Authorization} (as {@code Bearer <token>}) unless the
   * platform has its own.
   */
  default String tokenHeader() {
    return "Authorization";
  }

  /**
   * The version-calendar rows of the API at {@code baseUrl} and of the file formats its calls pin:
   * checked before anything is sent (a version past its sunset, or one adlake does not know, is
   * refused), and listed by {@code adlake doctor}.
   *
   * @param setting where the base URL is configured, named in the messages
   */
  default List<PinnedVersion> versions(URI baseUrl, String setting) {
    return List.of();
  }

  /**
   * Why fetching report days again cannot bring a platform's restated figures, when it cannot: a
   * {@code restatement_days} window of such a source is refused rather than quietly downloading the
   * same report again. Empty when a day fetched again is the platform's report of that day now.
   */
  default Optional<String> restatementRefusal() {
    return Optional.empty();
  }

  /**
   * An org's token for a fetch, from the secret conf/connectors.yaml's variable holds (a key to
   * exchange, or a token as it is).
   */
  AccessToken fetchToken(Credentials credentials);

  /**
   * The daily report fetch; empty when the platform's reports are only dropped into the landing
   * zone by hand.
   */
  default Optional<ReportFetcher> reports() {
    return Optional.empty();
  }

  /** The part of an org's setup snapshot this platform gives; empty when it gives none. */
  default Optional<SetupFetch> setup() {
    return Optional.empty();
  }

  /**
   * How write-back reaches the platform's entities; empty when adlake changes nothing on this
   * platform.
   */
  default Optional<Writeback> writeback() {
    return Optional.empty();
  }

  /** Builds write-back's adapter for one token (an org's, or the platform's shared one). */
  @FunctionalInterface
  interface Writeback {
    /**
     * @param baseUrl the API root of conf/writeback.yaml
     * @param client the platform's client, shared by every adapter of the run so its rate limit
     *     spaces them all
     * @param clock today, for what depends on it (TTD: the flight running now)
     */
    PlatformAdapter adapter(URI baseUrl, String token, PlatformClient client, Clock clock);
  }

  /**
   * What a token is made from.
   *
   * @param secret the variable's value; never in a message
   * @param what how messages name the secret ({@code $DV360_CREDENTIALS})
   * @param fetched the source being fetched (a platform's token can differ between its reports and
   *     the setup)
   * @param baseUrl the API root the fetch calls
   * @param client the endpoint's client, for token exchanges
   * @param clock now, for token lifetimes
   */
  record Credentials(
      String secret, String what, Source fetched, URI baseUrl, PlatformClient client, Clock clock) {
    @Override
    public String toString() {
      return "Credentials[" + what + ", redacted]";
    }
  }

  /**
   * A platform's part of the setup snapshot.
   *
   * @param fetcher the flow that lands the platform's setup files
   * @param endpoint whose conf/connectors.yaml endpoint it calls: the platform's own, or another
   *     API of the same platform ({@code setup} for DV360's Display &amp; Video 360 API beside Bid
   *     Manager)
   */
  record SetupFetch(ReportFetcher fetcher, Source endpoint) {}
}

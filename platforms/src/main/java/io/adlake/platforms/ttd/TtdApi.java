package io.adlake.platforms.ttd;

import io.adlake.platforms.versions.ApiVersions;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What adlake relies on of The Trade Desk's platform API, in one place. TTD's API reference sits
 * behind its partner portal (partner.thetradedesk.com/v3/portal/api); the shapes here follow TTD's
 * public samples and SDKs (github.com/thetradedesk: the api samples' "update campaign budget"
 * script, ttd-workflows' AdGroupFlight and AdGroupBudget models).
 */
public final class TtdApi {
  private TtdApi() {}

  /** REST API v3 (api.thetradedesk.com/v3/), token in the {@code TTD-Auth} header. */
  public static final String VERSION = "v3";

  /**
   * Whether a URL an answer named is The Trade Desk's own, so the TTD-Auth token may travel to it:
   * the API's host, or a host under thetradedesk.com. A report's DownloadURL on any other host (a
   * presigned storage URL) is fetched without the token, which would otherwise leak to whoever the
   * answer named.
   */
  public static boolean ownHost(URI url, URI base) {
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    boolean api =
        host.equals(base.getHost() == null ? "" : base.getHost().toLowerCase(Locale.ROOT))
            && url.getPort() == base.getPort();
    return api || host.equals("thetradedesk.com") || host.endsWith(".thetradedesk.com");
  }

  /** The API versions adlake knows: v3, with no sunset announced. */
  public static final ApiVersions VERSIONS =
      new ApiVersions(
          "The Trade Desk API",
          Pattern.compile("/(v\\d+)/?$"),
          Map.of(VERSION, ApiVersions.noneAnnounced()),
          "partner.thetradedesk.com/v3/portal/api/doc (no sunset of v3 announced)");

  /**
   * A campaign's {@code BudgetingVersion}: "Kokai" campaigns allocate their flight budget across ad
   * groups themselves, so an ad group has no maximum of its own; "Solimar" (older) campaigns give
   * each ad group a budget per campaign flight ({@code
   * AdGroupFlights[].BudgetInAdvertiserCurrency}).
   */
  public static boolean campaignLevelBudgeting(String budgetingVersion) {
    return "Kokai".equalsIgnoreCase(budgetingVersion);
  }

  /**
   * Ad group {@code PacingMode} onto adlake's pacing dictionary: PaceEvenly and PaceToEndOfFlight
   * spread the budget evenly over the flight, PaceToEndOfDay evenly over each day, PaceAhead
   * front-loads, and PaceAsSoonAsPossible and Off (no pacing) spend as fast as the bids win.
   */
  public static final Map<String, String> PACING_RATES =
      Map.of(
          "PaceEvenly", "Even",
          "PaceToEndOfFlight", "Even",
          "PaceToEndOfDay", "Even",
          "PaceAhead", "Ahead",
          "PaceAsSoonAsPossible", "ASAP",
          "Off", "ASAP");

  /**
   * A TTD UTC time ({@code 2026-11-01T00:00:00}, sometimes with an offset or a Z); null when absent
   * or unreadable.
   */
  public static Instant utc(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException noOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }

  /**
   * MyReports report executions ({@code POST myreports/reportexecution/query/advertisers}): the
   * execution is done and its {@code ReportDeliveries} carry a {@code DownloadURL}; or it failed.
   * Others ("Pending", "InProgress") mean wait. Names from TTD's MyReports sample
   * (github.com/thetradedesk, "retrieving MyReports reports via the TTD API").
   */
  public static final String EXECUTION_COMPLETE = "Complete";

  public static final String EXECUTION_FAILED = "Failed";

  /**
   * The setup snapshot's queries ({@code POST}, paged by {@code PageStartIndex} and {@code
   * PageSize}, answered with {@code Result}, {@code ResultCount} and {@code TotalFilteredCount}):
   * an advertiser's campaigns, for their {@code BudgetingVersion}, and its ad groups. TTD lists
   * both as legacy REST queries beside the GraphQL {@code campaigns} and {@code adGroups} queries
   * (partner.thetradedesk.com/v3/portal/api/ref/post-adgroup-query-advertiser).
   */
  public static final String CAMPAIGNS_OF_ADVERTISER = "campaign/query/advertiser";

  public static final String AD_GROUPS_OF_ADVERTISER = "adgroup/query/advertiser";
}

package io.adlake.platforms.meta;

import io.adlake.platforms.versions.ApiVersions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What adlake relies on of Meta's Marketing API (Graph API), in one place: the version it calls,
 * the money units, the error codes that mean "throttled" or "token gone", and the conversion action
 * types. Every rule names the page it comes from.
 */
public final class MetaApi {
  private MetaApi() {}

  /**
   * The Graph API version adlake calls: the one the official SDK facebook-business 26.0.3 targets
   * ({@code apiconfig.py}), whose fields and enums the contract tests check adlake against. v27.0
   * (released 2026-11-04) waits for an SDK that defines it.
   */
  public static final String VERSION = "v26.0";

  /**
   * The Marketing API versions adlake knows and the day each expires (a version released and not
   * yet given a date has none): Marketing API versions live about a year (developers.facebook.com/
   * documentation/ads-commerce/marketing-api/marketing-api-changelog/versions).
   */
  public static final ApiVersions VERSIONS =
      new ApiVersions(
          "Graph API (Marketing API)",
          Pattern.compile("/(v\\d+\\.\\d+)(/|$)"),
          Map.of(
              "v20.0", ApiVersions.on("2025-05-06"),
              "v21.0", ApiVersions.on("2025-09-09"),
              "v22.0", ApiVersions.on("2026-02-19"),
              "v23.0", ApiVersions.on("2026-06-09"),
              "v24.0", ApiVersions.on("2026-11-10"),
              "v25.0", ApiVersions.on("2027-02-23"),
              "v26.0", ApiVersions.noneAnnounced(),
              "v27.0", ApiVersions.noneAnnounced()),
          "developers.facebook.com/documentation/ads-commerce/marketing-api/marketing-api-changelog/versions");

  /**
   * Currencies whose amounts Meta counts in whole units (offset 1). Every other currency Meta
   * supports has offset 100, including BHD and JOD, which ISO 4217 gives three decimals; so the
   * JDK's currency digits are the wrong scale for HUF, TWD, IDR, COP, CRC (ISO: 2 digits) and BHD,
   * JOD (ISO: 3) (developers.facebook.com/docs/marketing-api/currencies).
   */
  static final Set<String> OFFSET_1 =
      Set.of("CLP", "COP", "CRC", "HUF", "ISK", "IDR", "JPY", "KRW", "PYG", "TWD", "VND");

  /** Every currency of Meta's table (same page): an ad account can only be in one of these. */
  static final Set<String> SUPPORTED =
      Set.of(
          "DZD", "ARS", "AUD", "BHD", "BDT", "BOB", "BGN", "BRL", "GBP", "CAD", "CLP", "CNY", "COP",
          "CRC", "HRK", "CZK", "DKK", "EGP", "EUR", "GTQ", "HNL", "HKD", "HUF", "ISK", "INR", "IDR",
          "ILS", "JPY", "JOD", "KES", "KRW", "LVL", "LTL", "MOP", "MYR", "MXN", "NZD", "NIO", "NGN",
          "NOK", "PKR", "PYG", "PEN", "PHP", "PLN", "QAR", "RON", "RUB", "SAR", "RSD", "SGD", "SKK",
          "ZAR", "SEK", "CHF", "TWD", "THB", "TRY", "AED", "USD", "UYU", "VEF", "VND");

  /** The currencies of Meta's table whose offset is 1, for code that builds Spark columns. */
  public static Set<String> wholeUnitCurrencies() {
    return OFFSET_1;
  }

  public static boolean supports(String currency) {
    return SUPPORTED.contains(currency);
  }

  /** Meta's offset of a currency: 1 or 100. */
  public static int offset(String currency) {
    if (!supports(currency)) {
      throw new IllegalArgumentException(
          "Meta's currency table has no '" + currency + "'; an ad account cannot be in it");
    }
    return OFFSET_1.contains(currency) ? 1 : 100;
  }

  /** A budget as Meta's API writes it ("5000" is 50.00 EUR but 5000 HUF) in major units. */
  public static BigDecimal fromApi(long amount, String currency) {
    return BigDecimal.valueOf(amount)
        .divide(BigDecimal.valueOf(offset(currency)), 2, RoundingMode.UNNECESSARY);
  }

  /**
   * A budget in major units as Meta's API takes it: 12.34 BHD is 1234, 5000 HUF is 5000, 10 EUR is
   * 1000.
   */
  public static String toApi(BigDecimal amount, String currency) {
    return amount
        .multiply(BigDecimal.valueOf(offset(currency)))
        .setScale(0, RoundingMode.HALF_UP)
        .toPlainString();
  }

  /**
   * Error codes of a throttled call, retried after a wait: 4 (app), 17 (user), 32 (page), 613
   * (calls from the ad account), 80000-80014 (business use case limits), and 1 and 2, Meta's
   * "temporary, retry" answers. Meta sends them in the body's {@code error.code}, mostly with HTTP
   * 400 (developers.facebook.com/docs/graph-api/overview/ rate-limiting,
   * .../docs/marketing-api/overview/rate-limiting, .../docs/graph-api/guides/error-handling).
   */
  public static boolean isTransient(int code, int subcode) {
    if (PERMANENT_SUBCODES.containsKey(subcode)) {
      return false;
    }
    return code == 1
        || code == 2
        || code == 4
        || code == 17
        || code == 32
        || code == 613
        || (code >= 80000 && code <= 80014);
  }

  /**
   * Subcodes that make a code-2 answer ("temporary, retry") final: the Insights request asks for
   * what cannot be had, and asks again in vain (Ads Insights API error codes,
   * developers.facebook.com/docs/marketing-api/insights/error-codes: 1504041 "Invalid Breakdowns",
   * "No data is available for the requested metrics and breakdowns. Try different metrics or
   * breakdowns."; 1504042 "Invalid Custom Metrics"). 1504043 on the same page is the intermittent
   * one, retried.
   */
  public static final Map<Integer, String> PERMANENT_SUBCODES =
      Map.of(
          1504041, "invalid breakdowns: no data for the requested metrics and breakdowns",
          1504042, "invalid custom metrics");

  /**
   * 190: the access token expired or was revoked; retrying cannot help, a person must renew it
   * (same pages).
   */
  public static final int TOKEN_INVALID = 190;

  /**
   * The usage headers Meta sends with a throttled (and any busy) answer. {@code
   * X-Business-Use-Case-Usage} is {@code {"<business
   * id>":[{"type":"ads_management","call_count":..,"estimated_time_to_regain_access":<minutes>}]}},
   * {@code X-Ad-Account-Usage} is {@code {"acc_id_util_pct":..,"reset_time_duration":<seconds>}}.
   */
  public static final List<String> USAGE_HEADERS =
      List.of("X-Business-Use-Case-Usage", "X-Ad-Account-Usage", "X-App-Usage");

  /**
   * The conversion action types counted unless an org says otherwise: the roll-ups only. Meta
   * reports one purchase under several action types at once ({@code purchase} is the sum of {@code
   * offsite_conversion.fb_pixel_purchase}, {@code onsite_web_purchase}, app purchases and others;
   * {@code lead} likewise), so summing a roll-up with its parts counts a conversion two or three
   * times (developers.facebook.com/docs/marketing-api/reference/ads-action-stats).
   */
  public static final List<String> ROLLUP_CONVERSION_TYPES = List.of("purchase", "lead");

  /**
   * An asynchronous Insights job's {@code async_status} (GET /{report_run_id}): the job is done; or
   * it will not be. "Job Not Started", "Job Started" and "Job Running" mean wait
   * (developers.facebook.com/docs/marketing-api/insights/best-practices#asynchronous).
   */
  public static final String JOB_COMPLETED = "Job Completed";

  public static final List<String> JOB_ENDED_BADLY = List.of("Job Failed", "Job Skipped");

  /**
   * The fields an Insights job is asked for per ad and day, as {@link MetaInsightsField} declares
   * them: what {@code bronze.meta_delivery} reads but the day, which every row of a daily job has.
   */
  public static final List<String> INSIGHTS_FIELDS = MetaInsightsField.asked();

  /**
   * The fields of an ad set the setup snapshot asks for, as {@link MetaAdSetField} declares them
   * ({@code GET act_<id>/adsets},
   * developers.facebook.com/docs/marketing-api/reference/ad-account/adsets; the AdSet node's fields
   * under .../reference/ad-campaign): what {@code bronze.meta_ad_sets} reads, but {@code
   * account_currency}, which is the ad account's ({@code GET act_<id>?fields=currency}) and added
   * to each line.
   */
  public static final List<String> ADSET_FIELDS = MetaAdSetField.asked();

  /**
   * The Graph API node of an ad account: {@code act_<id>}, whether the setting gave the id with its
   * prefix or without.
   */
  public static String adAccountNode(String account) {
    return account.startsWith("act_") ? account : "act_" + account;
  }
}

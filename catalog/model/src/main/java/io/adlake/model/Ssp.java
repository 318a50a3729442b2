package io.adlake.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A sell-side platform whose reports land in {@code silver.supply_daily}. {@link #code()} is the
 * value of the {@code ssp} column. Each knows what its report assumes when the org declares
 * nothing: Monetize reports in {@code EST5EDT} and US dollars unless the report request says
 * otherwise; Ad Manager reports in the network's own timezone and currency, which only the org can
 * tell, so there is no default.
 */
public enum Ssp {
  GAM("gam", "Google Ad Manager", null, null),
  MONETIZE("monetize", "Microsoft Monetize", "EST5EDT", "USD");

  private final String code;
  private final String displayName;
  private final String defaultTimezone;
  private final String defaultCurrency;

  Ssp(String code, String displayName, String defaultTimezone, String defaultCurrency) {
    this.code = code;
    this.displayName = displayName;
    this.defaultTimezone = defaultTimezone;
    this.defaultCurrency = defaultCurrency;
  }

  public String code() {
    return code;
  }

  public String displayName() {
    return displayName;
  }

  /** The timezone the platform reports in when the org's source options name none. */
  public Optional<String> defaultTimezone() {
    return Optional.ofNullable(defaultTimezone);
  }

  /** The currency of the report's unlabelled amounts when the org's source options name none. */
  public Optional<String> defaultCurrency() {
    return Optional.ofNullable(defaultCurrency);
  }

  /** The codes, in declaration order: gam, monetize. */
  public static List<String> codes() {
    return Arrays.stream(values()).map(Ssp::code).toList();
  }
}

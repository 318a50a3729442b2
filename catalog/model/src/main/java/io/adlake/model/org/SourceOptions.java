package io.adlake.model.org;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * How one org's export of one source is written. Exports follow the locale of the account that
 * scheduled them, so the same report may come with day-first dates and decimal commas for one org
 * and ISO dates for another.
 *
 * @param dateFormat a {@link DateTimeFormatter} pattern for the report's date column; null = the
 *     format's own
 * @param decimalSeparator {@code .} or {@code ,}; null = {@code .}
 * @param timezone the ad account's timezone when it differs from the org's; null = the org's
 * @param conversionTypes what counts as a conversion: for Meta the {@code actions} types (null =
 *     the roll-ups, {@link io.adlake.platforms.meta.MetaApi#ROLLUP_CONVERSION_TYPES}); for TTD the
 *     names of the conversion reporting columns before " - Total Click + View Conversions" (null =
 *     every such column); not used by other sources
 * @param currency the currency of amounts the export does not label: Google Ad Manager's network
 *     currency (required for it: CSV_DUMP writes network-currency money as bare micros), Monetize's
 *     selling currency (null = USD, Monetize's default); not used by other sources
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceOptions(
    String dateFormat,
    String decimalSeparator,
    String timezone,
    List<String> conversionTypes,
    String currency)
    implements Serializable {

  public static SourceOptions defaults() {
    return new SourceOptions(null, null, null, null, null);
  }

  /** Locale options and conversion types, no currency. */
  public SourceOptions(
      String dateFormat, String decimalSeparator, String timezone, List<String> conversionTypes) {
    this(dateFormat, decimalSeparator, timezone, conversionTypes, null);
  }

  /** Locale options only, no conversion types. */
  public SourceOptions(String dateFormat, String decimalSeparator, String timezone) {
    this(dateFormat, decimalSeparator, timezone, null);
  }

  public SourceOptions {
    if (dateFormat != null) {
      try {
        DateTimeFormatter.ofPattern(dateFormat);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "invalid date_format '" + dateFormat + "': " + e.getMessage());
      }
    }
    if (decimalSeparator != null
        && !decimalSeparator.equals(".")
        && !decimalSeparator.equals(",")) {
      throw new IllegalArgumentException(
          "invalid decimal_separator '" + decimalSeparator + "': use '.' or ','");
    }
    if (timezone != null) {
      Org.zone(timezone);
    }
    if (conversionTypes != null) {
      if (conversionTypes.isEmpty()
          || conversionTypes.stream().anyMatch(t -> t == null || t.isBlank())) {
        throw new IllegalArgumentException(
            "conversion_types lists what counts as a conversion: leave it out for the default, never empty or with blanks");
      }
      conversionTypes = List.copyOf(conversionTypes);
    }
    if (currency != null) {
      Org.currency(currency);
    }
  }

  public char decimalChar() {
    return decimalSeparator == null ? '.' : decimalSeparator.charAt(0);
  }
}

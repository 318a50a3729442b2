package io.adlake.transforms.formats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * The value parsers export formats are built from. Each is strict: a cell is either exactly of its
 * type or the row is quarantined with a reason quoting the cell. Nothing is guessed or silently
 * turned into null or zero.
 */
public final class Values {
  private Values() {}

  /**
   * Money as reported and computed: 20 digits with 6 after the point covers any realistic spend in
   * any currency.
   */
  public static final DecimalType AMOUNT = DataTypes.createDecimalType(20, 6);

  /**
   * FX rates: 10 digits after the point, as the ECB publishes up to 5 and cross rates need more.
   */
  public static final DecimalType RATE = DataTypes.createDecimalType(20, 10);

  /**
   * Money a platform is sent or a person approves (write-back amounts, thresholds): to the cent.
   */
  public static final DecimalType CENTS = DataTypes.createDecimalType(20, 2);

  private static final Set<String> CURRENCIES =
      Currency.getAvailableCurrencies().stream()
          .map(Currency::getCurrencyCode)
          .collect(Collectors.toSet());

  // Digits with optional thousands grouping: 1234, 1,234 or 1.234 (depending on the decimal mark),
  // 1 234.
  private static final Pattern POINT_NUMBER =
      Pattern.compile("^[-+]?(\\d{1,3}([, \u00a0\u202f]\\d{3})+|\\d+)(\\.\\d+)?$");
  private static final Pattern COMMA_NUMBER =
      Pattern.compile("^[-+]?(\\d{1,3}([. \u00a0\u202f]\\d{3})+|\\d+)(,\\d+)?$");

  public static ValueParser text() {
    return (cell, options) -> cell;
  }

  public static ValueParser wholeNumber() {
    return (cell, options) -> {
      BigDecimal value = number(cell, options.decimalChar(), "a whole number");
      try {
        return value.longValueExact();
      } catch (ArithmeticException e) {
        throw new BadValueException("not a whole number: '" + cell + "'");
      }
    };
  }

  public static ValueParser nonNegativeWholeNumber() {
    ValueParser whole = wholeNumber();
    return (cell, options) -> {
      long value = (Long) whole.parse(cell, options);
      if (value < 0) {
        throw new BadValueException("negative count: '" + cell + "'");
      }
      return value;
    };
  }

  public static ValueParser decimal() {
    return (cell, options) -> {
      BigDecimal value = number(cell, options.decimalChar(), "a number");
      BigDecimal scaled = value.setScale(AMOUNT.scale(), RoundingMode.HALF_UP);
      if (scaled.precision() > AMOUNT.precision()) {
        throw new BadValueException("number too large: '" + cell + "'");
      }
      return scaled;
    };
  }

  /**
   * Dates in the org's configured format for this source, else in one of the format's own patterns.
   * Parsing is strict (no 31 November) and the whole cell must be consumed.
   */
  public static ValueParser date(String... defaultPatterns) {
    List<String> defaults = List.of(defaultPatterns);
    return (cell, options) -> {
      List<String> patterns =
          options.dateFormat() == null ? defaults : List.of(options.dateFormat());
      for (String pattern : patterns) {
        DateTimeFormatter formatter = FORMATTERS.computeIfAbsent(pattern, Values::strictFormatter);
        try {
          if (pattern.contains("H")) {
            return Date.valueOf(LocalDateTime.parse(cell, formatter).toLocalDate());
          }
          return Date.valueOf(LocalDate.parse(cell, formatter));
        } catch (DateTimeParseException e) {
          // try the next pattern
        }
      }
      throw new BadValueException(
          "not a date in format " + String.join(" or ", patterns) + ": '" + cell + "'");
    };
  }

  /**
   * A point in time with its UTC offset ({@code 2026-11-01T00:00:00+0100} or {@code ...+01:00}).
   */
  public static ValueParser instant() {
    List<DateTimeFormatter> formats =
        List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssZ", Locale.ROOT),
            DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    return (cell, options) -> {
      for (DateTimeFormatter format : formats) {
        try {
          return Timestamp.from(OffsetDateTime.parse(cell, format).toInstant());
        } catch (DateTimeParseException e) {
          // try the next layout
        }
      }
      throw new BadValueException(
          "not a timestamp with offset (e.g. 2026-11-01T00:00:00+0100): '" + cell + "'");
    };
  }

  /** Formatters are immutable and costly to build; every cell of every file shares them. */
  private static final ConcurrentMap<String, DateTimeFormatter> FORMATTERS =
      new ConcurrentHashMap<>();

  /**
   * English month names ("03 June 2021"): the exports that spell months out write them in English.
   */
  private static DateTimeFormatter strictFormatter(String pattern) {
    return DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu"), Locale.ENGLISH)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  public static ValueParser currency() {
    return (cell, options) -> {
      String code = cell.toUpperCase(Locale.ROOT);
      if (!CURRENCIES.contains(code)) {
        throw new BadValueException("unknown currency code '" + cell + "'");
      }
      return code;
    };
  }

  public static boolean isCurrency(String code) {
    return CURRENCIES.contains(code);
  }

  public static ValueParser bool() {
    return (cell, options) ->
        switch (cell.toUpperCase(Locale.ROOT)) {
          case "TRUE", "YES", "1" -> true;
          case "FALSE", "NO", "0" -> false;
          default -> throw new BadValueException("not TRUE or FALSE: '" + cell + "'");
        };
  }

  /**
   * One of a fixed set of values, matched without regard to case and returned as spelled in the
   * set.
   */
  public static ValueParser oneOf(String... allowed) {
    List<String> values = List.of(allowed);
    return (cell, options) ->
        values.stream()
            .filter(v -> v.equalsIgnoreCase(cell))
            .findFirst()
            .orElseThrow(() -> new BadValueException("'" + cell + "' is not one of " + values));
  }

  static BigDecimal number(String cell, char decimalMark, String what) throws BadValueException {
    Pattern pattern = decimalMark == ',' ? COMMA_NUMBER : POINT_NUMBER;
    if (!pattern.matcher(cell).matches()) {
      throw new BadValueException(
          "not " + what + " (decimal mark '" + decimalMark + "'): '" + cell + "'");
    }
    String plain = cell.replaceAll("[ \u00a0\u202f]", "");
    plain = decimalMark == ',' ? plain.replace(".", "").replace(',', '.') : plain.replace(",", "");
    return new BigDecimal(plain);
  }

  public static DataType stringType() {
    return DataTypes.StringType;
  }
}

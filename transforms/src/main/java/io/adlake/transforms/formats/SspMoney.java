package io.adlake.transforms.formats;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google Ad Manager's money cells in a {@code CSV_DUMP} export (ReportService ExportFormat):
 * network-currency amounts are bare micros ({@code 12345678} is 12.345678), local-currency amounts
 * are the currency symbol, a space and micros ({@code € 12345678}). A symbol is read as Ad Manager
 * writes it for an English-locale network, the CLDR symbol ({@code $}, {@code €}, {@code £}, {@code
 * CA$}, {@code A$} ...), or as an ISO 4217 code; a symbol two currencies share or none has is
 * refused, never guessed.
 */
public final class SspMoney {
  private SspMoney() {}

  /** An amount in units of its currency; {@code currency} null means the network currency. */
  public record Amount(BigDecimal units, String currency) {}

  private static final BigDecimal MICROS = BigDecimal.valueOf(1_000_000);
  private static final Pattern CELL = Pattern.compile("^(?:(\\S+) )?(-?\\d+)$");
  private static final Map<String, String> SYMBOLS = symbols();

  public static Amount parseMicros(String cell) throws BadValueException {
    Matcher m = CELL.matcher(cell);
    if (!m.matches()) {
      throw new BadValueException(
          "not micros (a whole number, optionally after a currency symbol and a space): '"
              + cell
              + "'");
    }
    if (m.group(2).startsWith("-")) {
      throw new BadValueException("negative amount: '" + cell + "'");
    }
    String currency = null;
    if (m.group(1) != null) {
      currency = SYMBOLS.get(m.group(1));
      if (currency == null) {
        throw new BadValueException("unknown currency symbol '" + m.group(1) + "': '" + cell + "'");
      }
    }
    BigDecimal units = new BigDecimal(m.group(2)).divide(MICROS).setScale(Values.AMOUNT.scale());
    if (units.precision() > Values.AMOUNT.precision()) {
      throw new BadValueException("number too large: '" + cell + "'");
    }
    return new Amount(units, currency);
  }

  /**
   * The value parser for a money column: the amount in units; {@link #currencyOf} tells its
   * currency.
   */
  static ValueParser micros() {
    return (cell, options) -> parseMicros(cell).units();
  }

  /**
   * The currency a cell is labelled with, or null for bare micros; the cell has been read by {@link
   * #micros()}.
   */
  static String currencyOf(String cell) {
    try {
      return parseMicros(cell.strip()).currency();
    } catch (BadValueException e) {
      throw new IllegalStateException("cell was accepted before: " + cell, e);
    }
  }

  private static Map<String, String> symbols() {
    Map<String, String> bySymbol = new HashMap<>();
    Set<String> shared = new HashSet<>();
    for (Currency currency : Currency.getAvailableCurrencies()) {
      String code = currency.getCurrencyCode();
      bySymbol.put(code, code);
      String symbol = currency.getSymbol(Locale.US);
      if (symbol.equals(code)
          || code.equals("XXX")) { // XXX is "no currency", its symbol the generic sign
        continue;
      }
      String before = bySymbol.putIfAbsent(symbol, code);
      if (before != null && !before.equals(code)) {
        shared.add(symbol);
      }
    }
    shared.forEach(bySymbol::remove);
    return Map.copyOf(bySymbol);
  }
}

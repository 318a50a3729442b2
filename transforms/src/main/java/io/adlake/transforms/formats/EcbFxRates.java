package io.adlake.transforms.formats;

import static io.adlake.transforms.formats.FormatField.required;

import io.adlake.model.Source;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import io.adlake.model.org.SourceOptions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * FX reference rates in the European Central Bank's CSV layout: {@code Date,USD,JPY,...,} with one
 * row per business day, the units of each currency that one euro buys, {@code N/A} where a rate was
 * not fixed, and a delimiter closing every line. Weekends and holidays have no row; silver looks
 * back to the last fixing.
 *
 * <p>The ECB publishes two files of this layout (www.ecb.europa.eu/stats/eurofxref/:
 * eurofxref-hist.zip and the daily eurofxref.zip). The history writes {@code 2021-06-03}; the daily
 * file writes {@code 03 June 2021} and puts a space after every comma ({@code Date, USD, JPY,
 * ...}). Both are read.
 */
public final class EcbFxRates extends CsvExportFormat {

  public static final String BASE_CURRENCY = "EUR";

  static final StructType RATE =
      new StructType().add("currency", DataTypes.StringType).add("rate", Values.RATE);

  private static final List<FormatField> FIELDS =
      List.of(
          required(
              "Date", "rate_date", DataTypes.DateType, Values.date("yyyy-MM-dd", "dd MMMM yyyy")),
          FormatField.optional(
              "(one column per currency)",
              "rates",
              DataTypes.createArrayType(RATE),
              Values.text()));

  @Override
  public String name() {
    return "fx_rates";
  }

  @Override
  public Source source() {
    return Source.FX;
  }

  @Override
  public TableSpec table() {
    return Tables.BRONZE_FX;
  }

  @Override
  public List<FormatField> fields() {
    return FIELDS;
  }

  /** Every column but Date is a rate; nothing is left over. */
  @Override
  public boolean keepsExtraColumns() {
    return false;
  }

  @Override
  public boolean recognises(String firstLine) {
    return firstLine != null && stripBom(firstLine).strip().startsWith("Date");
  }

  @Override
  protected String checkHeader(List<String> names, int[] positions) {
    if (names.isEmpty() || !names.get(0).equalsIgnoreCase("Date")) {
      return "file header must start with 'Date'";
    }
    List<String> bad = new ArrayList<>();
    for (String name : names.subList(1, names.size())) {
      if (!Values.isCurrency(name)) {
        bad.add(name);
      }
    }
    return bad.isEmpty()
        ? null
        : "file header has column(s) that are not ISO 4217 currencies: " + bad;
  }

  @Override
  protected Object[] toValues(Header header, String[] cells, SourceOptions options)
      throws BadValueException {
    Object date = FIELDS.get(0).read(cells[0], options);
    List<Object[]> rates = new ArrayList<>();
    for (int i = 1; i < cells.length; i++) {
      String cell = cells[i] == null ? "" : cells[i].strip();
      String currency = header.names().get(i);
      if (cell.isEmpty() || cell.equalsIgnoreCase("N/A")) {
        continue;
      }
      BigDecimal rate;
      try {
        rate = Values.number(cell, '.', "a rate");
      } catch (BadValueException e) {
        throw new BadValueException("column '" + currency + "': " + e.getMessage());
      }
      if (rate.signum() <= 0) {
        throw new BadValueException(
            "column '" + currency + "': rate must be positive, was '" + cell + "'");
      }
      rates.add(new Object[] {currency, rate.setScale(Values.RATE.scale(), RoundingMode.HALF_UP)});
    }
    return new Object[] {date, rates};
  }
}

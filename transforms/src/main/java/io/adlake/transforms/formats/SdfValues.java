package io.adlake.transforms.formats;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Cell types particular to DV360 Structured Data Files. */
final class SdfValues {
  private SdfValues() {}

  static final String SAME_AS_IO = "Same as Insertion Order";

  static final ValueParser DATE = Values.date("MM/dd/yyyy HH:mm", "MM/dd/yyyy");

  static final ArrayType BUDGET_SEGMENTS_TYPE =
      DataTypes.createArrayType(
          new StructType()
              .add("budget", Values.AMOUNT)
              .add("start_date", DataTypes.DateType)
              .add("end_date", DataTypes.DateType)
              .add("description", DataTypes.StringType));

  static final ValueParser FREQUENCY_PERIOD =
      Values.oneOf("Minutes", "Hours", "Days", "Weeks", "Months", "Lifetime");

  /** A line item date, or null for "Same as Insertion Order" (the IO's flight applies). */
  static ValueParser dateOrInherited() {
    return (cell, options) -> SAME_AS_IO.equalsIgnoreCase(cell) ? null : DATE.parse(cell, options);
  }

  private static final Pattern SEGMENT = Pattern.compile("\\(([^()]*)\\)");

  /**
   * {@code (budget; start; end; budget id; description;);(...)}, as SDF writes insertion order
   * budget segments.
   */
  static ValueParser budgetSegments() {
    return (cell, options) -> {
      List<Object[]> segments = new ArrayList<>();
      Matcher m = SEGMENT.matcher(cell);
      int consumed = 0;
      while (m.find()) {
        if (!cell.substring(consumed, m.start()).replace(";", "").isBlank()) {
          break;
        }
        String[] parts = m.group(1).split(";", -1);
        if (parts.length < 3) {
          throw new BadValueException(
              "budget segment '(" + m.group(1) + ")' needs budget; start; end");
        }
        BigDecimal budget = (BigDecimal) Values.decimal().parse(parts[0].strip(), options);
        Date start = (Date) DATE.parse(parts[1].strip(), options);
        Date end = (Date) DATE.parse(parts[2].strip(), options);
        if (end.before(start)) {
          throw new BadValueException(
              "budget segment ends (" + end + ") before it starts (" + start + ")");
        }
        String description = parts.length > 4 ? parts[4].strip() : "";
        segments.add(new Object[] {budget, start, end, description.isEmpty() ? null : description});
        consumed = m.end();
      }
      if (segments.isEmpty() || !cell.substring(consumed).replace(";", "").isBlank()) {
        throw new BadValueException(
            "not SDF budget segments '(budget; start; end; id; description;)': '" + cell + "'");
      }
      return segments;
    };
  }

  /** An enabled frequency cap must say how many exposures per which period. */
  static void checkFrequencyCap(ExportFormat format, Object[] v) throws BadValueException {
    Boolean enabled = (Boolean) v[format.index("frequency_enabled")];
    if (Boolean.TRUE.equals(enabled)
        && (v[format.index("frequency_exposures")] == null
            || v[format.index("frequency_period")] == null)) {
      throw new BadValueException(
          "frequency cap enabled but 'Frequency Exposures' or 'Frequency Period' is empty");
    }
  }
}

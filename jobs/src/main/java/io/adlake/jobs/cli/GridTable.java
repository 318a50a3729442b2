package io.adlake.jobs.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Records printed as a grid between {@code +---+} rules. The ops listings were printed by Spark's
 * {@code Dataset.show(n, false)} before they were read into records; this keeps that layout to the
 * character, so reading them into records changed nothing a reader sees: cells left-aligned, each
 * column as wide as its widest cell and at least 3 (an East Asian wide character counting twice),
 * null as {@code NULL}, line breaks and other control characters escaped, a line saying so when
 * more rows matched than are shown, and an empty line after the grid.
 *
 * <p>Cells hold strings, numbers, booleans, dates ({@link java.time.LocalDate}) and instants; an
 * instant is shown in UTC, the session time zone Spark showed it in ({@code SparkSessionFactory}).
 */
final class GridTable<T> {

  /** A column of the grid: its header and the value it shows of a record. */
  record Column<T>(String header, Function<T, Object> value) {}

  private static final int MIN_WIDTH = 3;

  // As Spark formats a timestamp for show: seconds always, the fraction only as long as it is
  // non-zero.
  private static final DateTimeFormatter TIMESTAMP =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral(' ')
          .appendPattern("HH:mm:ss")
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .toFormatter(Locale.US)
          .withZone(ZoneOffset.UTC);

  // The characters Spark counts as two columns wide (Utils.stringHalfWidth).
  private static final Pattern WIDE =
      Pattern.compile(
          "[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE10-\uFE19\uFE30-\uFE6F\uFF00-\uFF60\uFFE0-\uFFE6]");

  private final List<Column<T>> columns;

  GridTable(List<Column<T>> columns) {
    this.columns = List.copyOf(columns);
  }

  static <T> Column<T> column(String header, Function<T, Object> value) {
    return new Column<>(header, value);
  }

  /**
   * The page's records under the column headers, as {@code Dataset.show(limit, false)} printed the
   * same rows.
   */
  void print(PrintWriter out, Page<T> page) {
    List<List<String>> lines = new ArrayList<>();
    lines.add(columns.stream().map(c -> escape(c.header())).toList());
    for (T record : page.rows()) {
      lines.add(columns.stream().map(c -> cell(c.value().apply(record))).toList());
    }
    int[] widths = new int[columns.size()];
    Arrays.fill(widths, MIN_WIDTH);
    for (List<String> line : lines) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], width(line.get(i)));
      }
    }
    String rule = rule(widths);
    out.println(rule);
    out.println(line(lines.get(0), widths));
    out.println(rule);
    lines.subList(1, lines.size()).forEach(l -> out.println(line(l, widths)));
    out.println(rule);
    if (page.more()) {
      out.println("only showing top " + page.limit() + (page.limit() == 1 ? " row" : " rows"));
    }
    out.println();
  }

  /** A value as Spark showed it. */
  private static String cell(Object value) {
    if (value == null) {
      return "NULL";
    }
    return escape(value instanceof Instant at ? TIMESTAMP.format(at) : value.toString());
  }

  private static String rule(int[] widths) {
    StringBuilder rule = new StringBuilder("+");
    for (int width : widths) {
      rule.append("-".repeat(width)).append('+');
    }
    return rule.toString();
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder("|");
    for (int i = 0; i < widths.length; i++) {
      String cell = cells.get(i);
      line.append(cell).append(" ".repeat(widths[i] - width(cell))).append('|');
    }
    return line.toString();
  }

  private static int width(String text) {
    return text.length() + (int) WIDE.matcher(text).results().count();
  }

  /** Control characters as Spark escaped them, so one record stays one line. */
  private static String escape(String text) {
    return text.replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
        .replace("\f", "\\f")
        .replace("\b", "\\b")
        .replace("\u000B", "\\v")
        .replace("\u0007", "\\a");
  }
}

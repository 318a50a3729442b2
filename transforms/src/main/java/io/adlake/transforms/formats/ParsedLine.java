package io.adlake.transforms.formats;

import java.util.Map;

/**
 * What became of one line of an export.
 *
 * @param lineNumber the 1-based physical line where the record starts, as an editor shows it
 * @param values the typed values in {@link ExportFormat#fields()} order (accepted lines only)
 * @param extras cells under headers the format does not know, kept rather than dropped
 * @param reason why a quarantined line could not be read
 */
public record ParsedLine(
    Kind kind,
    long lineNumber,
    String rawLine,
    Object[] values,
    Map<String, String> extras,
    String reason) {

  public enum Kind {
    /** A data row that was read. */
    ACCEPTED,
    /** A data row that could not be read; it goes to the quarantine table with its reason. */
    QUARANTINED,
    /**
     * A summary or metadata line the platform appends after the data (e.g. DV360's totals and
     * "Report Time:").
     */
    FOOTER
  }

  public static ParsedLine accepted(
      long line, String raw, Object[] values, Map<String, String> extras) {
    return new ParsedLine(Kind.ACCEPTED, line, raw, values, extras, null);
  }

  public static ParsedLine quarantined(long line, String raw, String reason) {
    return new ParsedLine(Kind.QUARANTINED, line, raw, null, Map.of(), reason);
  }

  public static ParsedLine footer(long line, String raw) {
    return new ParsedLine(Kind.FOOTER, line, raw, null, Map.of(), null);
  }

  public Object value(int index) {
    return values[index];
  }
}

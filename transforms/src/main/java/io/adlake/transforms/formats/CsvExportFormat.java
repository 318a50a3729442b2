package io.adlake.transforms.formats;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import io.adlake.model.org.SourceOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A delimited export with a header line. Columns are found by header name, not position, because
 * platforms add and reorder report columns. The delimiter is read off the header (comma, semicolon
 * or tab: locale exports differ).
 *
 * <p>Every record after the header is either accepted, quarantined with a reason, or a footer line.
 * A record with a different number of cells than the header is quarantined: the column count is
 * checked here because Spark's own CSV reader would pad or truncate it without a word.
 */
public abstract class CsvExportFormat implements ExportFormat {

  static final String UNDECODABLE =
      "line has bytes that are not valid UTF-8 (a file in another encoding must start with a UTF-16 byte order mark or be converted)";

  /** The header of a file, with the position of each known field (-1 when the file lacks it). */
  protected record Header(List<String> names, int[] fieldPositions, String error) {
    public int position(String headerName) {
      for (int i = 0; i < names.size(); i++) {
        if (names.get(i).equalsIgnoreCase(headerName)) {
          return i;
        }
      }
      return -1;
    }
  }

  @Override
  public boolean keepsExtraColumns() {
    return true;
  }

  @Override
  public boolean recognises(String firstLine) {
    List<String> names = split(firstLine == null ? "" : stripBom(firstLine), sniff(firstLine));
    return fields().stream()
        .filter(FormatField::required)
        .allMatch(f -> names.stream().anyMatch(f::answersTo));
  }

  /**
   * Whether this record starts the block the platform appends after the data. Once the footer
   * starts, the rest of the file is footer; lines in it that look like data are quarantined rather
   * than dropped.
   */
  protected boolean startsFooter(Header header, String[] cells, boolean blank) {
    return false;
  }

  /**
   * Whether a line inside the footer block is platform metadata (as opposed to stray data).
   *
   * @param cells the line read as a record; null when it is not a readable one
   */
  protected boolean isFooterLine(Header header, String[] cells) {
    return true;
  }

  /**
   * Where each field is among the file's header names (-1: absent): the last column that answers to
   * the field's header. A format whose field can come from one of several columns chooses here.
   */
  protected int[] positions(List<String> names) {
    int[] positions = new int[fields().size()];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = -1;
      for (int j = 0; j < names.size(); j++) {
        if (fields().get(i).answersTo(names.get(j))) {
          positions[i] = j;
        }
      }
    }
    return positions;
  }

  /**
   * Checks the header; returns the reason every row of the file is rejected, or null when it is
   * usable.
   */
  protected String checkHeader(List<String> names, int[] positions) {
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < positions.length; i++) {
      if (positions[i] < 0 && fields().get(i).required()) {
        missing.add(fields().get(i).header());
      }
    }
    return missing.isEmpty() ? null : "file header lacks required column(s) " + missing;
  }

  /** Reads the cells of one record into typed values in field order. */
  protected Object[] toValues(Header header, String[] cells, SourceOptions options)
      throws BadValueException {
    List<FormatField> fields = fields();
    Object[] values = new Object[fields.size()];
    for (int i = 0; i < values.length; i++) {
      int pos = header.fieldPositions()[i];
      values[i] =
          pos < 0
              ? fields.get(i).read(null, options)
              : fields.get(i).read(cells[pos], options, header.names().get(pos));
    }
    return values;
  }

  /** Checks across cells of an accepted row (e.g. a range whose end is before its start). */
  protected void checkRow(Object[] values) throws BadValueException {}

  @Override
  public Iterator<ParsedLine> parse(InputStream in, SourceOptions options) throws IOException {
    return new Lines(new LogicalLineReader(in, true), options);
  }

  private final class Lines extends LazyLines {
    private final SourceOptions options;
    private CsvParser parser;
    private Header header;
    private boolean inFooter;
    private boolean trailingDelimiter;

    Lines(LogicalLineReader reader, SourceOptions options) {
      super(reader);
      this.options = options;
    }

    @Override
    protected ParsedLine advance(LogicalLineReader reader) throws IOException {
      LogicalLineReader.Line line;
      while ((line = reader.next()) != null) {
        boolean blank = line.text().isBlank();
        if (header == null) {
          if (blank) {
            continue;
          }
          readHeader(line.text());
          continue;
        }
        if (inFooter) {
          if (blank || isFooterLine(header, tokenize(line.text()))) {
            return ParsedLine.footer(line.number(), line.text());
          }
          return ParsedLine.quarantined(
              line.number(), line.text(), "data line after the report footer");
        }
        if (line.unterminatedQuote()) {
          return ParsedLine.quarantined(line.number(), line.text(), "unterminated quoted cell");
        }
        if (line.undecodable()) {
          return ParsedLine.quarantined(line.number(), line.text(), UNDECODABLE);
        }
        String[] cells = blank ? new String[0] : tokenize(line.text());
        if (cells == null) {
          return ParsedLine.quarantined(line.number(), line.text(), "unreadable CSV record");
        }
        if (startsFooter(header, cells, blank)) {
          inFooter = true;
          return ParsedLine.footer(line.number(), line.text());
        }
        if (blank) {
          continue;
        }
        if (header.error() != null) {
          return ParsedLine.quarantined(line.number(), line.text(), header.error());
        }
        if (cells.length != header.names().size()) {
          return ParsedLine.quarantined(
              line.number(),
              line.text(),
              "expected " + header.names().size() + " columns, found " + cells.length);
        }
        try {
          Object[] values = toValues(header, cells, options);
          checkRow(values);
          return ParsedLine.accepted(line.number(), line.text(), values, extras(cells));
        } catch (BadValueException e) {
          return ParsedLine.quarantined(line.number(), line.text(), e.getMessage());
        }
      }
      return null;
    }

    private void readHeader(String text) {
      char delimiter = sniff(text);
      CsvParserSettings settings = new CsvParserSettings();
      settings.getFormat().setDelimiter(delimiter);
      settings.getFormat().setLineSeparator("\n");
      settings.setMaxCharsPerColumn(LogicalLineReader.MAX_RECORD_CHARS);
      settings.setMaxColumns(2048);
      settings.setNullValue("");
      settings.setEmptyValue("");
      parser = new CsvParser(settings);
      List<String> names = split(text, delimiter);
      // A trailing delimiter (ECB files end every line with one) is not a column.
      while (!names.isEmpty()
          && names.get(names.size() - 1).isEmpty()
          && text.stripTrailing().endsWith(String.valueOf(delimiter))) {
        names = names.subList(0, names.size() - 1);
        trailingDelimiter = true;
      }
      int[] positions = positions(names);
      header = new Header(List.copyOf(names), positions, checkHeader(names, positions));
    }

    private String[] tokenize(String text) {
      try {
        String[] cells = parser.parseLine(text);
        if (cells == null) {
          return new String[0];
        }
        if (trailingDelimiter
            && cells.length == header.names().size() + 1
            && cells[cells.length - 1].isEmpty()) {
          String[] trimmed = new String[cells.length - 1];
          System.arraycopy(cells, 0, trimmed, 0, trimmed.length);
          return trimmed;
        }
        return cells;
      } catch (TextParsingException e) {
        return null;
      }
    }

    private Map<String, String> extras(String[] cells) {
      Map<String, String> extras = new LinkedHashMap<>();
      for (int j = 0; j < header.names().size(); j++) {
        boolean known = false;
        for (int p : header.fieldPositions()) {
          known |= p == j;
        }
        if (!known && !header.names().get(j).isEmpty()) {
          extras.put(header.names().get(j), cells[j]);
        }
      }
      return extras;
    }
  }

  static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  /** The delimiter used most often outside quotes in the header line. */
  static char sniff(String headerLine) {
    if (headerLine == null) {
      return ',';
    }
    int comma = 0;
    int semicolon = 0;
    int tab = 0;
    boolean quoted = false;
    for (char c : headerLine.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        switch (c) {
          case ',' -> comma++;
          case ';' -> semicolon++;
          case '\t' -> tab++;
          default -> {}
        }
      }
    }
    if (tab > comma && tab >= semicolon) {
      return '\t';
    }
    return semicolon > comma ? ';' : ',';
  }

  /**
   * The header's names. A header the tokenizer cannot read (a cell past the record limit, more
   * columns than any export has) gives no names, so every row of the file is quarantined with the
   * header's fault: found by FormatFuzzTest, where such a header escaped as an exception and failed
   * the whole file.
   */
  static List<String> split(String line, char delimiter) {
    CsvParserSettings settings = new CsvParserSettings();
    settings.getFormat().setDelimiter(delimiter);
    settings.setMaxCharsPerColumn(LogicalLineReader.MAX_RECORD_CHARS);
    settings.setMaxColumns(2048);
    settings.setNullValue("");
    settings.setEmptyValue("");
    String[] cells;
    try {
      cells = new CsvParser(settings).parseLine(stripBom(line));
    } catch (TextParsingException unreadable) {
      cells = null;
    }
    List<String> names = new ArrayList<>();
    if (cells != null) {
      for (String c : cells) {
        names.add(c == null ? "" : c.strip());
      }
    }
    return names;
  }
}

package io.adlake.transforms.formats;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;

/**
 * Reads the records of a text export: physical lines, joined while a quoted cell runs over a line
 * break. Keeps the physical line number where each record starts and its exact text, so quarantine
 * can point at the line.
 *
 * <p>The encoding is UTF-8 unless the file starts with a UTF-16 byte order mark (Excel's "Unicode
 * text", which some platform exports use). Bytes that are not valid in the encoding become U+FFFD;
 * {@link Line#undecodable()} says so, and the formats quarantine such a line instead of storing
 * mangled text.
 */
final class LogicalLineReader implements Closeable {

  /**
   * A quoted cell longer than this is taken as an unterminated quote rather than read to the end of
   * the file.
   */
  static final int MAX_RECORD_CHARS = 1 << 20;

  record Line(long number, String text, boolean unterminatedQuote) {
    boolean undecodable() {
      return text.indexOf('\uFFFD') >= 0;
    }
  }

  private final BufferedReader reader;
  private final boolean quotedLineBreaks;
  private long physical;

  /**
   * @param quotedLineBreaks whether a quoted cell may span lines (CSV); false for JSON lines, where
   *     a line cut off inside a string must stay one broken line instead of swallowing the next
   */
  LogicalLineReader(InputStream in, boolean quotedLineBreaks) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    this.reader =
        new BufferedReader(new InputStreamReader(buffered, ExportEncoding.of(buffered)), 1 << 16);
    this.quotedLineBreaks = quotedLineBreaks;
  }

  Line next() throws IOException {
    String first = reader.readLine();
    if (first == null) {
      return null;
    }
    physical++;
    if (physical == 1 && first.startsWith("\uFEFF")) {
      first = first.substring(1);
    }
    long start = physical;
    StringBuilder text = new StringBuilder(first);
    int quotes = quotedLineBreaks ? count(first) : 0;
    while (quotes % 2 == 1) {
      if (text.length() > MAX_RECORD_CHARS) {
        return new Line(start, text.toString(), true);
      }
      String more = reader.readLine();
      if (more == null) {
        return new Line(start, text.toString(), true);
      }
      physical++;
      text.append('\n').append(more);
      quotes += count(more);
    }
    return new Line(start, text.toString(), false);
  }

  private static int count(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '"') {
        n++;
      }
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}

package io.adlake.transforms.formats;

import io.adlake.model.org.SourceOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Parses a committed fixture from {@code src/test/resources/fixtures}, or a text of the test. */
final class Fixtures {
  private Fixtures() {}

  static List<ParsedLine> parse(ExportFormat format, String name, SourceOptions options)
      throws IOException {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IOException("no fixture " + name);
      }
      List<ParsedLine> lines = new ArrayList<>();
      Iterator<ParsedLine> it = format.parse(in, options);
      it.forEachRemaining(lines::add);
      return lines;
    }
  }

  /** Parses a file's text written in the test. */
  static List<ParsedLine> parseText(ExportFormat format, String text, SourceOptions options)
      throws IOException {
    List<ParsedLine> lines = new ArrayList<>();
    format
        .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), options)
        .forEachRemaining(lines::add);
    return lines;
  }

  static List<ParsedLine> of(List<ParsedLine> lines, ParsedLine.Kind kind) {
    return lines.stream().filter(l -> l.kind() == kind).toList();
  }
}

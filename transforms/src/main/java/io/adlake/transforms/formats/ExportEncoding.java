package io.adlake.transforms.formats;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The text encoding of an export: UTF-16 when it starts with a UTF-16 byte order mark, else UTF-8.
 */
public final class ExportEncoding {
  private ExportEncoding() {}

  /** Looks at the first two bytes and leaves the stream where it was. */
  public static Charset of(BufferedInputStream in) throws IOException {
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    if (first == 0xFF && second == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    if (first == 0xFE && second == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    return StandardCharsets.UTF_8;
  }
}

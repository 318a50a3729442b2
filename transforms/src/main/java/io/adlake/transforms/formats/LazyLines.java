package io.adlake.transforms.formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A format's parsed lines, produced one at a time as they are asked for, so a file is never held
 * whole. The reader is closed once the last line has been read.
 */
abstract class LazyLines implements Iterator<ParsedLine> {

  private final LogicalLineReader reader;
  private ParsedLine next;
  private boolean done;

  LazyLines(LogicalLineReader reader) {
    this.reader = reader;
  }

  /** The next parsed line from {@code reader}, or null at the end of the file. */
  protected abstract ParsedLine advance(LogicalLineReader reader) throws IOException;

  @Override
  public final boolean hasNext() {
    if (next == null && !done) {
      try {
        next = advance(reader);
        if (next == null) {
          done = true;
          reader.close();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return next != null;
  }

  @Override
  public final ParsedLine next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ParsedLine line = next;
    next = null;
    return line;
  }
}

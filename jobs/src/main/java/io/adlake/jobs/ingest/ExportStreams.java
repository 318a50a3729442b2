package io.adlake.jobs.ingest;

import io.adlake.catalog.landing.LandingStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Opens an export for reading its content; {@code .gz} files are decompressed on the fly. */
final class ExportStreams {
  private ExportStreams() {}

  static InputStream open(LandingStore store, String uri) throws IOException {
    InputStream raw = store.open(uri);
    return uri.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
  }
}

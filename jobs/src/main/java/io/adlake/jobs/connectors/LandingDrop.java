package io.adlake.jobs.connectors;

import io.adlake.catalog.landing.LandingStore;
import io.adlake.catalog.landing.LandingStores;
import io.adlake.model.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Puts fetched reports into the landing zone as deliveries: {@code <org>/<source>/<date>/<source>-<date>.<ext>}, one
 * file per org, source and report day, so a day fetched again is the same slice. A file is placed whole (a hidden
 * temporary name, then a rename; one PutObject on S3), so ingest never reads half a download.
 *
 * <ul>
 *   <li>The same report again (ignoring what changes on every run, {@link ReportShape#stable}): the landed file is
 *       kept as it is, so ingest's checksum skips it and only real restatements reach silver.
 *   <li>An empty report for a day whose landed file has rows: refused, the landed file kept. Platforms answer an
 *       outage with an empty report more often than a day's delivery disappears.
 * </ul>
 */
final class LandingDrop {

  enum Result {
    NEW,
    RESTATED,
    UNCHANGED
  }

  private final LandingStore store;
  private final String root;

  LandingDrop(LandingStore store, String root) {
    this.store = store;
    this.root = root;
  }

  String uri(String org, Source source, LocalDate day, String extension) {
    return LandingStores.join(root, org + "/" + source.id() + "/" + day + "/" + source.id() + "-" + day + "." + extension);
  }

  Result drop(String org, Source source, LocalDate day, String extension, Path file, ReportShape shape) {
    String uri = uri(org, source, day, extension);
    try {
      byte[] fetched = Files.readAllBytes(file);
      Result result = Result.NEW;
      if (store.exists(uri)) {
        byte[] landed;
        try (InputStream in = store.open(uri)) {
          landed = in.readAllBytes();
        }
        if (shape.stable(landed).equals(shape.stable(fetched))) {
          return Result.UNCHANGED;
        }
        if (!shape.hasRows(fetched) && shape.hasRows(landed)) {
          throw new FetchException(
              FetchException.Kind.EMPTY,
              "org " + org + ", source " + source.id() + ", " + day + ": the platform returned an empty report for a day whose landed file has rows; "
                  + uri + " is kept. If the day's delivery was really withdrawn, delete that file and fetch again",
              null);
        }
        result = Result.RESTATED;
      }
      store.put(uri, file);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot place the " + source.id() + " report of org " + org + " for " + day + " at " + uri + ": " + e.getMessage(), e);
    }
  }
}

package io.adlake.jobs.connectors;

import io.adlake.catalog.landing.LandedFile;
import io.adlake.catalog.landing.LandingStore;
import io.adlake.catalog.landing.LandingStores;
import io.adlake.model.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * Puts fetched reports into the landing zone as deliveries: the report of day X lands as
 * {@code <org>/<source>/<delivery date>/<source>-<X>.<ext>}, and the delivery's slice is what ingest and silver read
 * for that date. A file is placed whole (a hidden temporary name, then a rename; one PutObject on S3), so ingest
 * never reads half a download.
 *
 * <p>Each report day is compared with its latest landed version (the same name in this or an earlier delivery
 * folder), ignoring what changes on every run of the same report ({@link ReportShape#stable}):
 *
 * <ul>
 *   <li>the same: nothing is landed (a version already in this delivery folder stays byte for byte), so a
 *       restatement window fetched again every day brings only the days the platform really changed;
 *   <li>different: landed, and silver takes this delivery's version of the day (the latest delivery of a day wins);
 *   <li>empty while the latest version has rows: refused, nothing landed. Platforms answer an outage with an empty
 *       report more often than a day's delivery disappears.
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
  private final LocalDate delivery;
  private final Map<String, List<String>> listed = new HashMap<>();

  /**
   * @param delivery the delivery folder of every day dropped (the daily fetch's date); null: each report day lands
   *                 in the folder of the day after it, where the daily fetch would have put it (a backfill)
   */
  LandingDrop(LandingStore store, String root, LocalDate delivery) {
    this.store = store;
    this.root = root;
    this.delivery = delivery;
  }

  LocalDate deliveryOf(LocalDate day) {
    return delivery != null ? delivery : day.plusDays(1);
  }

  private String folder(String org, Source source) {
    return LandingStores.join(root, org + "/" + source.id());
  }

  String uri(String org, Source source, LocalDate day, String extension) {
    return folder(org, source) + "/" + deliveryOf(day) + "/" + source.id() + "-" + day + "." + extension;
  }

  Result drop(String org, Source source, LocalDate day, String extension, Path file, ReportShape shape) {
    String uri = uri(org, source, day, extension);
    try {
      byte[] fetched = Files.readAllBytes(file);
      Optional<String> latest = latest(org, source, day, extension);
      if (latest.isPresent()) {
        byte[] landed;
        try (InputStream in = store.open(latest.get())) {
          landed = in.readAllBytes();
        }
        if (shape.stable(landed).equals(shape.stable(fetched))) {
          return Result.UNCHANGED;
        }
        if (!shape.hasRows(fetched) && shape.hasRows(landed)) {
          throw new FetchException(
              FetchException.Kind.EMPTY,
              "org " + org + ", source " + source.id() + ", " + day + ": the platform returned an empty report for a day whose landed file has rows ("
                  + latest.get() + "); nothing was landed. If the day's delivery was really withdrawn, land an empty file by hand",
              null);
        }
      }
      store.put(uri, file);
      return latest.isPresent() ? Result.RESTATED : Result.NEW;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot place the " + source.id() + " report of org " + org + " for " + day + " at " + uri + ": " + e.getMessage(), e);
    }
  }

  /** The latest landed version of the day: its name in the newest delivery folder up to this one. */
  private Optional<String> latest(String org, Source source, LocalDate day, String extension) throws IOException {
    String name = "/" + source.id() + "-" + day + "." + extension;
    String last = deliveryOf(day).toString();
    return landed(folder(org, source)).stream()
        .filter(u -> u.endsWith(name) && deliveryFolder(u).compareTo(last) <= 0)
        .max(Comparator.comparing(LandingDrop::deliveryFolder));
  }

  /**
   * The files under an org's source folder, listed once per fetch: each report day is looked up once, and a day
   * landed by this fetch is not looked up again, so the listing need not follow the files it places.
   */
  private List<String> landed(String folder) throws IOException {
    List<String> files = listed.get(folder);
    if (files == null) {
      files = store.listIfPresent(folder).stream().map(LandedFile::uri).toList();
      listed.put(folder, files);
    }
    return files;
  }

  /** The delivery date folder a landed file is in: the name before its own. */
  private static String deliveryFolder(String uri) {
    String parent = uri.substring(0, uri.lastIndexOf('/'));
    return parent.substring(parent.lastIndexOf('/') + 1);
  }
}

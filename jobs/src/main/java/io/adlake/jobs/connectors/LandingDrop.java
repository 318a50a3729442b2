package io.adlake.jobs.connectors;

import io.adlake.catalog.landing.LandedFile;
import io.adlake.catalog.landing.LandingStore;
import io.adlake.catalog.landing.LandingStores;
import io.adlake.model.Source;
import io.adlake.model.config.ConnectorSettings;
import io.adlake.platforms.fetch.FetchException;
import io.adlake.platforms.fetch.ReportShape;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Puts fetched files into the landing zone as deliveries: the report of day X lands as {@code
 * <org>/<source>/<delivery date>/<source>-<X>.<ext>}, a snapshot (bookings, setup) of delivery date
 * D as {@code <org>/<source>/<D>/<stem>-<D>.<ext>}, and the delivery's slice is what ingest and
 * silver read for that date. A file is placed whole (a hidden temporary name, then a rename; one
 * PutObject on S3), so ingest never reads half a download.
 *
 * <p>Each file is compared with its latest landed version (the same name in this or an earlier
 * delivery folder), ignoring what changes on every run of the same report ({@link
 * ReportShape#stableDigest}):
 *
 * <ul>
 *   <li>the same: nothing is landed (a version already in this delivery folder stays byte for
 *       byte), so a restatement window fetched again every day brings only the days the platform
 *       really changed;
 *   <li>different: landed, and silver takes this delivery's version of the day (the latest delivery
 *       of a day wins);
 *   <li>empty while the previous version has rows (for a snapshot: the last one landed, of any
 *       date): refused, nothing landed. Platforms answer an outage with an empty report more often
 *       than a day's delivery, or an advertiser's whole setup, disappears; and an empty setup
 *       snapshot would empty the org's entities in silver.
 * </ul>
 */
public final class LandingDrop {

  /** What landing a file did. */
  public enum Result {
    NEW,
    RESTATED,
    UNCHANGED
  }

  private final LandingStore store;
  private final String root;
  private final LocalDate delivery;
  private final Map<String, List<String>> listed = new HashMap<>();

  /**
   * @param delivery the delivery folder of every day dropped (the daily fetch's date); null: each
   *     report day lands in the folder of the day after it, where the daily fetch would have put it
   *     (a backfill)
   */
  LandingDrop(LandingStore store, String root, LocalDate delivery) {
    this.store = store;
    this.root = root;
    this.delivery = delivery;
  }

  private LocalDate deliveryOf(LocalDate day) {
    return delivery != null ? delivery : day.plusDays(1);
  }

  private String folder(String org, Source source) {
    return LandingStores.join(root, org + "/" + source.id());
  }

  /**
   * The name a fetched file lands under: {@code <stem>-<day>.<ext>}, the stem the source's id or a
   * setup file's.
   */
  static String name(String stem, LocalDate day, String extension) {
    return stem + "-" + day + "." + extension;
  }

  Result drop(
      String org,
      Source source,
      String stem,
      LocalDate day,
      String extension,
      Path file,
      ReportShape shape) {
    String name = name(stem, day, extension);
    String uri = folder(org, source) + "/" + deliveryOf(day) + "/" + name;
    try {
      List<String> landed = landed(folder(org, source));
      String last = deliveryOf(day).toString();
      Optional<String> same = newest(landed, last, n -> n.equals(name));
      // A report day's previous version is that day's; a snapshot's is the last one landed, of
      // whatever date.
      Pattern versions =
          Pattern.compile(
              Pattern.quote(stem) + "-\\d{4}-\\d{2}-\\d{2}\\." + Pattern.quote(extension));
      Optional<String> previous =
          ConnectorSettings.SNAPSHOTS.contains(source)
              ? newest(landed, last, n -> versions.matcher(n).matches())
              : same;
      if (same.isPresent() && digest(same.get(), shape).equals(digest(file, shape))) {
        return Result.UNCHANGED;
      }
      if (previous.isPresent() && !hasRows(file, shape) && hasRows(previous.get(), shape)) {
        throw new FetchException(
            FetchException.Kind.EMPTY,
            "org "
                + org
                + ", source "
                + source.id()
                + ", "
                + day
                + ": the platform returned an empty "
                + name
                + " where the latest landed version has rows ("
                + previous.get()
                + "); nothing was landed. If the delivery was really withdrawn, land an empty file by hand",
            null);
      }
      store.put(uri, file);
      return same.isPresent() ? Result.RESTATED : Result.NEW;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot place the "
              + source.id()
              + " file "
              + name
              + " of org "
              + org
              + " at "
              + uri
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private String digest(String uri, ReportShape shape) throws IOException {
    try (InputStream in = store.open(uri)) {
      return shape.stableDigest(in);
    }
  }

  private boolean hasRows(String uri, ReportShape shape) throws IOException {
    try (InputStream in = store.open(uri)) {
      return shape.hasRows(in);
    }
  }

  private static String digest(Path file, ReportShape shape) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return shape.stableDigest(in);
    }
  }

  private static boolean hasRows(Path file, ReportShape shape) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return shape.hasRows(in);
    }
  }

  /** The newest landed file whose name matches, in a delivery folder up to {@code last}. */
  private static Optional<String> newest(List<String> landed, String last, Predicate<String> name) {
    return landed.stream()
        .filter(
            u ->
                name.test(u.substring(u.lastIndexOf('/') + 1))
                    && deliveryFolder(u).compareTo(last) <= 0)
        .max(
            Comparator.comparing(LandingDrop::deliveryFolder)
                .thenComparing(Comparator.naturalOrder()));
  }

  /**
   * The files under an org's source folder, listed once per fetch: each report day is looked up
   * once, and a day landed by this fetch is not looked up again, so the listing need not follow the
   * files it places.
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

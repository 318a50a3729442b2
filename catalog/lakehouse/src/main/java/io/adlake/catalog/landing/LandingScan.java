package io.adlake.catalog.landing;

import io.adlake.model.Source;
import io.adlake.model.org.OrgId;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups the files of a landing zone into slices by the layout {@code
 * <org>/<source>/<yyyy-mm-dd>/<file>}. Files that do not fit the layout are returned with the
 * reason, never dropped without a word. Names starting with {@code .} or {@code _} (upload markers
 * such as {@code _SUCCESS}) are not exports and are left out.
 */
public record LandingScan(Map<SliceKey, List<LandedFile>> slices, List<Rejected> rejected) {

  public record Rejected(String uri, String reason) {}

  public static LandingScan of(String root, List<LandedFile> files) {
    String prefix = normalise(root);
    Map<SliceKey, List<LandedFile>> slices =
        new TreeMap<>(
            Comparator.comparing(SliceKey::deliveryDate)
                .thenComparing(k -> k.org().value())
                .thenComparing(k -> k.source().id()));
    List<Rejected> rejected = new ArrayList<>();
    for (LandedFile file : files) {
      String name = file.fileName();
      if (name.startsWith(".") || name.startsWith("_")) {
        continue;
      }
      String uri = normalise(file.uri());
      String relative = uri.startsWith(prefix + "/") ? uri.substring(prefix.length() + 1) : uri;
      String[] parts = relative.split("/");
      if (parts.length != 4) {
        rejected.add(new Rejected(file.uri(), "not under <org>/<source>/<yyyy-mm-dd>/"));
        continue;
      }
      try {
        SliceKey key =
            new SliceKey(OrgId.of(parts[0]), Source.fromId(parts[1]), LocalDate.parse(parts[2]));
        slices.computeIfAbsent(key, k -> new ArrayList<>()).add(file);
      } catch (IllegalArgumentException | DateTimeParseException e) {
        rejected.add(new Rejected(file.uri(), e.getMessage()));
      }
    }
    return new LandingScan(slices, rejected);
  }

  private static String normalise(String location) {
    String s = location.replaceFirst("^file:/+", "/").replaceFirst("^s3a://", "s3://");
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}

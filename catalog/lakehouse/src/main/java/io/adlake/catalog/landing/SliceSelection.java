package io.adlake.catalog.landing;

import io.adlake.model.Source;
import io.adlake.model.org.OrgScope;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which landed slices a job takes: delivery dates from {@code first} to {@code last} (either open
 * when null), the orgs of a scope, one source (all when null). {@code adlake ingest} and {@code
 * adlake run} both select with it.
 */
public record SliceSelection(LocalDate first, LocalDate last, OrgScope orgs, Source source) {

  public SliceSelection {
    Objects.requireNonNull(orgs, "orgs");
    if (first != null && last != null && last.isBefore(first)) {
      throw new IllegalArgumentException(
          "the last delivery date " + last + " is before the first " + first);
    }
  }

  public boolean matches(SliceKey key) {
    return (first == null || !key.deliveryDate().isBefore(first))
        && (last == null || !key.deliveryDate().isAfter(last))
        && orgs.includes(key.org())
        && (source == null || key.source() == source);
  }

  /** The scan's slices this selection takes, in the scan's order. */
  public Map<SliceKey, List<LandedFile>> of(LandingScan scan) {
    Map<SliceKey, List<LandedFile>> selected = new LinkedHashMap<>();
    scan.slices()
        .forEach(
            (key, files) -> {
              if (matches(key)) {
                selected.put(key, files);
              }
            });
    return selected;
  }
}

package io.adlake.jobs.ingest;

import io.adlake.catalog.landing.SliceKey;
import io.adlake.model.org.Org;
import io.adlake.model.org.OrgRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides, slice by slice, what an ingest does. A slice is delivered whole: the files delivered for
 * it now are compared, by checksum, with the files of its last ingest. The same set is a
 * re-delivery and is skipped; a different set is a restatement and replaces the slice; no earlier
 * ingest makes it new.
 */
public final class IngestPlanner {
  private IngestPlanner() {}

  /** The files of a slice's last ingest. */
  public record Ingested(String batchId, Set<String> checksums) {}

  public static List<SlicePlan> plan(
      Map<SliceKey, List<FileFacts>> delivered,
      Map<SliceKey, Ingested> previous,
      OrgRegistry orgs) {
    List<SlicePlan> plans = new ArrayList<>();
    delivered.forEach(
        (key, files) -> {
          Optional<Org> org = orgs.find(key.org());
          if (org.isEmpty()) {
            plans.add(
                new SlicePlan(
                    key,
                    SliceAction.REJECTED,
                    files,
                    null,
                    "org '" + key.org() + "' is not registered"));
            return;
          }
          if (!org.get().enabled(key.source())) {
            plans.add(
                new SlicePlan(
                    key,
                    SliceAction.REJECTED,
                    files,
                    null,
                    "source '"
                        + key.source().id()
                        + "' is not enabled for org '"
                        + key.org()
                        + "'"));
            return;
          }
          Set<String> checksums = files.stream().map(FileFacts::sha256).collect(Collectors.toSet());
          Ingested before = previous.get(key);
          if (before == null) {
            plans.add(new SlicePlan(key, SliceAction.NEW, files, null, null));
          } else if (before.checksums().equals(checksums)) {
            plans.add(
                new SlicePlan(key, SliceAction.SKIPPED_DUPLICATE, files, before.batchId(), null));
          } else {
            plans.add(new SlicePlan(key, SliceAction.RESTATEMENT, files, before.batchId(), null));
          }
        });
    return plans;
  }
}

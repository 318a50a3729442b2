package io.adlake.jobs.ingest;

import io.adlake.catalog.landing.SliceKey;
import java.util.List;

/**
 * The decision for one slice.
 *
 * @param replacesBatchId the batch whose rows a restatement replaces; null otherwise
 * @param reason why a slice is rejected; null otherwise
 */
public record SlicePlan(
    SliceKey key,
    SliceAction action,
    List<FileFacts> files,
    String replacesBatchId,
    String reason) {
  public SlicePlan {
    files = List.copyOf(files);
  }
}

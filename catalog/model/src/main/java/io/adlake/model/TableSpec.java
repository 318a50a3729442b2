package io.adlake.model;

import java.util.List;

/**
 * A table adlake owns: where it lives, what one row means (its grain) and how it is partitioned.
 * The grain is the set of columns that must be unique; quality checks and merges use exactly these
 * columns.
 *
 * @param partitionBy identity partition columns, chosen so that a replaced slice is whole files
 */
public record TableSpec(
    String namespace,
    String name,
    List<String> grain,
    List<String> partitionBy,
    String description) {

  public TableSpec {
    grain = List.copyOf(grain);
    partitionBy = List.copyOf(partitionBy);
  }

  public String path() {
    return namespace + "." + name;
  }

  /**
   * Silver and gold are what analysts read: a run writes them where readers cannot see them, gates
   * them, and publishes them only if the gates pass. Bronze (as delivered, with its quarantine) and
   * ops (what happened, also when a gate failed) are written directly.
   */
  public boolean published() {
    return namespace.equals("silver") || namespace.equals("gold");
  }
}

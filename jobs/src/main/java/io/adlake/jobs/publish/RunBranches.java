package io.adlake.jobs.publish;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.config.CatalogSettings;
import io.adlake.jobs.run.PipelineRun;

/** Picks how a run is isolated from readers, by catalog: Iceberg table branches on JDBC, a Nessie branch on Nessie. */
public final class RunBranches {
  private RunBranches() {}

  public static PipelineRun.Isolation forCatalog(Lakehouse main, CatalogSettings catalog) {
    return switch (catalog.type()) {
      case "jdbc" -> branch -> IcebergTableBranches.begin(main, branch);
      case "nessie" -> branch -> NessieRunBranch.begin(main, catalog, branch);
      default -> throw new IllegalArgumentException("no write-audit-publish for catalog type " + catalog.type());
    };
  }
}

package io.adlake.jobs.publish;

import io.adlake.catalog.Lakehouse;
import io.adlake.model.config.CatalogSettings;
import java.util.function.Function;

/**
 * Where a run's writes go, kept from readers until the publish: Iceberg table branches on the
 * embedded JDBC catalog, one Nessie branch on Nessie. A run's first step begins the branch; later
 * steps, maybe in other processes, open it.
 */
public interface RunBranches {

  /** A fresh branch under this name, from main; a branch of an earlier attempt is dropped first. */
  WriteAuditPublish begin(String branch);

  /** The branch as an earlier step left it. */
  WriteAuditPublish open(String branch);

  static RunBranches of(
      Function<String, WriteAuditPublish> begin, Function<String, WriteAuditPublish> open) {
    return new RunBranches() {
      @Override
      public WriteAuditPublish begin(String branch) {
        return begin.apply(branch);
      }

      @Override
      public WriteAuditPublish open(String branch) {
        return open.apply(branch);
      }
    };
  }

  static RunBranches forCatalog(Lakehouse main, CatalogSettings catalog) {
    return switch (catalog.type()) {
      case CatalogSettings.JDBC ->
          of(
              branch -> IcebergTableBranches.begin(main, branch),
              branch -> IcebergTableBranches.open(main, branch));
      case CatalogSettings.NESSIE ->
          of(
              branch -> NessieRunBranch.begin(main, catalog, branch),
              branch -> NessieRunBranch.open(main, catalog, branch));
      default ->
          throw new IllegalArgumentException(
              "no write-audit-publish for catalog type " + catalog.type());
    };
  }
}

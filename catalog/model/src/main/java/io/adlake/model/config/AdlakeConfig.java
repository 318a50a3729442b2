package io.adlake.model.config;

import io.adlake.model.org.OrgRegistry;
import java.nio.file.Path;

/**
 * Everything a job needs to know about where it runs, resolved from {@code conf/adlake.yaml}, the
 * environment and the command line (see {@link ConfigLoader} for the order of precedence).
 *
 * @param profile the profile that was selected, e.g. {@code local} or {@code nessie}
 * @param confDir the folder holding {@code adlake.yaml} and {@code orgs.yaml}
 * @param dataDir local working folder for the embedded catalog, warehouse and landing zone
 * @param landing landing zone root: a local folder or an {@code s3://bucket/prefix}
 * @param serve the BI endpoint of {@code adlake serve}
 */
public record AdlakeConfig(
    String profile,
    Path confDir,
    Path dataDir,
    CatalogSettings catalog,
    String landing,
    SparkSettings spark,
    S3Settings s3,
    int fxLookbackDays,
    ServeSettings serve) {

  public Path orgRegistryFile() {
    return confDir.resolve(OrgRegistry.FILE);
  }
}

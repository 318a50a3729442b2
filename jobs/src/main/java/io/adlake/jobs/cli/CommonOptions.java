package io.adlake.jobs.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command takes: which configuration, which profile, and overrides of single settings. */
public final class CommonOptions {

  @Option(
      names = "--conf-dir",
      paramLabel = "DIR",
      description = "Folder with adlake.yaml and orgs.yaml. Default: $ADLAKE_CONF_DIR, else ./conf.")
  Path confDir;

  @Option(
      names = {"-p", "--profile"},
      paramLabel = "NAME",
      description = "Profile in adlake.yaml: local (embedded SQLite catalog) or nessie. Default: $ADLAKE_PROFILE, else default_profile.")
  String profile;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Local data folder (catalog, warehouse, landing) for the local profile. Default: .adlake")
  String dataDir;

  @Option(names = "--warehouse", paramLabel = "URI", description = "Override catalog.warehouse.")
  String warehouse;

  @Option(names = "--catalog-uri", paramLabel = "URI", description = "Override catalog.uri (JDBC or Nessie URL).")
  String catalogUri;

  @Option(names = "--spark-master", paramLabel = "URL", description = "Override spark.master, e.g. local[4].")
  String sparkMaster;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print results only, no progress lines.")
  boolean quiet;

  /** Command-line overrides, in the keys ConfigLoader knows. */
  Map<String, String> overrides() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("data_dir", dataDir);
    map.put("catalog.warehouse", warehouse);
    map.put("catalog.uri", catalogUri);
    map.put("spark.master", sparkMaster);
    return map;
  }
}

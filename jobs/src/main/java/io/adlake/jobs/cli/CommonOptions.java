package io.adlake.jobs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Options every command takes: which configuration, which profile, and overrides of single
 * settings.
 */
public final class CommonOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(
      names = "--conf-dir",
      paramLabel = "DIR",
      description =
          "Folder with adlake.yaml and orgs.yaml. Default: $ADLAKE_CONF_DIR, else ./conf.")
  Path confDir;

  @Option(
      names = {"-p", "--profile"},
      paramLabel = "NAME",
      description =
          "Profile in adlake.yaml: local (embedded SQLite catalog) or nessie. Default: $ADLAKE_PROFILE, else default_profile.")
  String profile;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Local data folder (catalog, warehouse, landing) for the local profile. Default: .adlake")
  String dataDir;

  @Option(names = "--warehouse", paramLabel = "URI", description = "Override catalog.warehouse.")
  String warehouse;

  @Option(
      names = "--catalog-uri",
      paramLabel = "URI",
      description = "Override catalog.uri (JDBC or Nessie URL).")
  String catalogUri;

  @Option(
      names = "--spark-master",
      paramLabel = "URL",
      description = "Override spark.master, e.g. local[4].")
  String sparkMaster;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print results only, no progress lines.")
  boolean quiet;

  /**
   * Where the command prints its results: picocli's writer, so a caller of the command line (a
   * test) takes them with setOut.
   */
  PrintWriter out() {
    return command.commandLine().getOut();
  }

  /**
   * A wrong value given on the command line: exits with {@link ExitCodes#USAGE} after the message
   * and usage.
   */
  ParameterException usageError(String message) {
    return new ParameterException(command.commandLine(), message);
  }

  /** Reads values from the command line; a value the domain refuses is a usage error naming it. */
  <T> T parse(Supplier<T> reading) {
    try {
      return reading.get();
    } catch (IllegalArgumentException e) {
      throw usageError(e.getMessage());
    }
  }

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

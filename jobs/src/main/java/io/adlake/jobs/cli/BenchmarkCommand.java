package io.adlake.jobs.cli;

import io.adlake.jobs.bench.PipelineBenchmark;
import io.adlake.model.config.AdlakeConfig;
import io.adlake.model.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "benchmark",
    description = {
      "Measure the whole pipeline on this machine against plain Spark, and print the figures and ratios.",
      "",
      "Generates DV360, TTD and Meta exports in a scratch folder with catalogs of its own (your lakehouse is not",
      "touched), warms up, then, in one JVM and one Spark session:",
      "  pipeline  ingest, silver, silver gate, gold, gold gate and publish of --rows lines over --orgs orgs,",
      "            against the plain-Spark floor on the same files (a CSV/JSON read with casts into Iceberg per",
      "            format, a group-by into Iceberg for silver, another for gold);",
      "  tenancy   the same lines over --many-orgs orgs: each stage's time against the few orgs';",
      "  history   the daily run of --daily-rows lines on top of --history-days days of history, against the",
      "            same run on an empty lakehouse.",
      "Prints seconds per stage, the ratios, the peak driver heap and the targets, and writes them as JSON.",
      "Spark runs as the profile says (master, shuffle partitions). Give the JVM room for large runs with",
      "ADLAKE_JAVA_OPTS=-Xmx8g.",
      "",
      "Examples:",
      "  ./adlake benchmark                                     (the defaults below; 9 to 12 minutes on 2 cores)",
      "  ./adlake benchmark --rows 20000 --many-orgs 200 --history-days 10 --daily-rows 2000   (a quick look)",
      "  ./adlake benchmark --json bench/before.json            (keep the figures to compare with a later run)"
    },
    footer = ExitCodes.DESCRIPTION,
    mixinStandardHelpOptions = true)
final class BenchmarkCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--rows",
      defaultValue = "1000000",
      description =
          "Lines of delivery in the pipeline and tenancy runs (default ${DEFAULT-VALUE}).")
  long rows;

  @Option(
      names = "--orgs",
      defaultValue = "20",
      description = "Orgs of the pipeline and history runs (default ${DEFAULT-VALUE}).")
  int orgs;

  @Option(
      names = "--many-orgs",
      defaultValue = "2000",
      description = "Orgs of the tenancy run (default ${DEFAULT-VALUE}).")
  int manyOrgs;

  @Option(
      names = "--history-days",
      defaultValue = "90",
      description = "Days of history under the measured daily run (default ${DEFAULT-VALUE}).")
  int historyDays;

  @Option(
      names = "--daily-rows",
      defaultValue = "10000",
      description = "Lines per day of the history and daily runs (default ${DEFAULT-VALUE}).")
  long dailyRows;

  @Option(
      names = "--json",
      description =
          "Where to write the figures (default: .adlake/benchmark/benchmark-<time>.json under the data folder).")
  Path json;

  @Option(
      names = "--profile",
      description = "The profile whose Spark settings the runs use (default: conf/adlake.yaml's).")
  String profile;

  @Override
  public Integer call() throws IOException {
    int most = Math.max(orgs, manyOrgs);
    if (orgs < 1
        || most > 9999
        || rows < 3L * most
        || dailyRows < 3L * orgs
        || historyDays < 1
        || historyDays > 400) {
      throw new ParameterException(
          spec.commandLine(),
          "need 1 to 9999 orgs, at least three lines per org (one per platform) and 1 to 400 history days");
    }
    ConfigLoader loader = ConfigLoader.fromSystemEnvironment();
    Path conf = loader.confDir(null);
    AdlakeConfig config = loader.load(conf, profile, Map.of());
    Path out =
        json != null
            ? json
            : config
                .dataDir()
                .resolve("benchmark")
                .resolve("benchmark-" + System.currentTimeMillis() + ".json");
    new PipelineBenchmark(
            new PipelineBenchmark.Settings(rows, orgs, manyOrgs, historyDays, dailyRows, out),
            conf,
            System.out)
        .run(config.spark());
    return ExitCodes.OK;
  }
}

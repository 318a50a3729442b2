package io.adlake.jobs.cli;

import io.adlake.model.config.ConfigLoader;
import io.adlake.jobs.bench.IngestBenchmark;
import io.adlake.jobs.bench.TenancyBenchmark;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "benchmark",
    description = {
      "Measure ingest and silver throughput on this machine and print the figures.",
      "",
      "Writes DV360 reports of --rows lines over --orgs orgs into a scratch folder with its own catalog, ingests",
      "them, builds silver, prints rows/s and MB/s, and deletes the scratch folder. Your lakehouse is not touched.",
      "Give the JVM room with ADLAKE_JAVA_OPTS=-Xmx8g for large runs.",
      "",
      "--tenancy runs the same rows as --orgs orgs and as --many-orgs orgs, each through a full gated run",
      "(ingest, silver, gates, gold, publish) in one JVM, prints both times and their ratio, and the time to load",
      "and validate the registry and a per-org section of every per-org file for --many-orgs orgs.",
      "",
      "Examples:",
      "  ADLAKE_JAVA_OPTS=-Xmx8g ./adlake benchmark --rows 2000000 --orgs 20",
      "  ./adlake benchmark --tenancy --rows 200000 --orgs 20 --many-orgs 2000"
    },
    footer = ExitCodes.DESCRIPTION,
    mixinStandardHelpOptions = true)
final class BenchmarkCommand implements Callable<Integer> {

  @Option(names = "--rows", defaultValue = "1000000", description = "Report lines in all (default ${DEFAULT-VALUE}).")
  long rows;

  @Option(names = "--orgs", defaultValue = "20", description = "Orgs, one report each (default ${DEFAULT-VALUE}).")
  int orgs;

  @Option(names = "--tenancy", description = "Compare a full run over --orgs and over --many-orgs orgs (same rows).")
  boolean tenancy;

  @Option(names = "--many-orgs", defaultValue = "2000", description = "With --tenancy: the many orgs (default ${DEFAULT-VALUE}).")
  int manyOrgs;

  @Override
  public Integer call() throws IOException {
    int most = tenancy ? Math.max(orgs, manyOrgs) : orgs;
    if (rows < most || orgs < 1 || most > 9999) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this), "need 1 to 9999 orgs and at least one row per org");
    }
    if (tenancy) {
      TenancyBenchmark.run(rows, orgs, manyOrgs, ConfigLoader.fromSystemEnvironment().confDir(null));
    } else {
      IngestBenchmark.run(rows, orgs);
    }
    return ExitCodes.OK;
  }
}

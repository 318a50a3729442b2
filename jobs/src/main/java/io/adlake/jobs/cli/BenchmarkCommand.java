package io.adlake.jobs.cli;

import io.adlake.jobs.bench.IngestBenchmark;
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
      "Example:",
      "  ADLAKE_JAVA_OPTS=-Xmx8g ./adlake benchmark --rows 2000000 --orgs 20"
    },
    footer = ExitCodes.DESCRIPTION,
    mixinStandardHelpOptions = true)
final class BenchmarkCommand implements Callable<Integer> {

  @Option(names = "--rows", defaultValue = "1000000", description = "Report lines in all (default ${DEFAULT-VALUE}).")
  long rows;

  @Option(names = "--orgs", defaultValue = "20", description = "Orgs, one report each (default ${DEFAULT-VALUE}).")
  int orgs;

  @Override
  public Integer call() throws IOException {
    if (rows < orgs || orgs < 1 || orgs > 9999) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this), "need 1 to 9999 orgs and at least one row per org");
    }
    IngestBenchmark.run(rows, orgs);
    return ExitCodes.OK;
  }
}

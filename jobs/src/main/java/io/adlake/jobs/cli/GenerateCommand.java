package io.adlake.jobs.cli;

import io.adlake.catalog.landing.LandingStore;
import io.adlake.jobs.sample.SampleExports;
import java.io.IOException;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "generate",
    description = {
      "Write sample exports for the registered orgs into a landing zone, in each platform's real layout.",
      "Deterministic: the same seed, start and days give byte-identical files.",
      "",
      "Example:",
      "  adlake generate --start 2026-11-02 --days 7 --out /tmp/landing && adlake ingest --landing /tmp/landing"
    },
    footer = ExitCodes.DESCRIPTION,
    mixinStandardHelpOptions = true)
final class GenerateCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Mixin SampleOptions sample;

  @Option(
      names = "--out",
      paramLabel = "URI",
      description = "Landing root to write to. Default: the profile's landing.")
  String out;

  @Override
  public Integer call() throws IOException {
    try (CommandContext context = new CommandContext(common, "adlake-generate")) {
      String root = out == null ? context.config.landing() : out;
      LandingStore store = context.landing(root);
      int files =
          new SampleExports(context.orgs(), store, root, common.parse(sample::settings)).writeAll();
      System.out.println("wrote " + files + " export file(s) under " + root);
      return ExitCodes.OK;
    }
  }

  static final class SampleOptions {
    @Option(
        names = "--start",
        paramLabel = "YYYY-MM-DD",
        defaultValue = "2026-11-02",
        description = "First delivery date (default ${DEFAULT-VALUE}).")
    LocalDate start;

    @Option(
        names = "--days",
        defaultValue = "7",
        description = "Number of delivery dates (default ${DEFAULT-VALUE}).")
    int days;

    @Option(
        names = "--seed",
        defaultValue = "7",
        description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--no-faults",
        negatable = false,
        description = "Write only well-formed lines (default: a few broken lines per file).")
    boolean noFaults;

    SampleExports.Settings settings() {
      if (days < 1 || days > 366) {
        throw new IllegalArgumentException("--days must be between 1 and 366, was " + days);
      }
      return new SampleExports.Settings(start, days, seed, !noFaults);
    }
  }
}

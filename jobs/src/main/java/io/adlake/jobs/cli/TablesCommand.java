package io.adlake.jobs.cli;

import io.adlake.catalog.Lakehouse;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.iceberg.Snapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "tables",
    description = {
      "List adlake's tables: rows and snapshot from Iceberg metadata (no scan), grain and meaning.",
    },
    footer = ExitCodes.DESCRIPTION,
    mixinStandardHelpOptions = true)
final class TablesCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    try (CommandContext context = new CommandContext(common, "adlake-tables")) {
      Lakehouse lakehouse = context.lakehouse();
      System.out.printf(Locale.ROOT, "%-36s %10s %20s  %s%n", "table", "rows", "snapshot", "grain");
      for (TableSpec spec : Tables.ALL) {
        if (!lakehouse.exists(spec)) {
          System.out.printf(
              Locale.ROOT,
              "%-36s %10s %20s  %s%n",
              spec.path(),
              "-",
              "(not created)",
              spec.grain());
          continue;
        }
        Snapshot current = lakehouse.table(spec).currentSnapshot();
        System.out.printf(
            Locale.ROOT,
            "%-36s %10d %20s  %s%n",
            spec.path(),
            Lakehouse.rowCount(current),
            current == null ? "-" : String.valueOf(current.snapshotId()),
            spec.grain());
      }
      System.out.println("\nwarehouse: " + context.config.catalog().warehouse());
      return ExitCodes.OK;
    }
  }
}

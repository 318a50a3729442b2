package io.adlake.jobs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "maintain",
    description = {
      "Iceberg table upkeep, with Iceberg's Spark actions (what the adlake_maintenance DAG runs weekly).",
      "",
      "  expire-snapshots  drop snapshots older than the table's maximum age, keeping the last N, and run",
      "                    branches past their retention; deletes the files nothing references any more.",
      "  compact           rewrite small data files into larger ones (Iceberg's bin-pack strategy).",
      "",
      "Both commit to main directly, as Iceberg's maintenance does; neither changes a row. On Nessie,",
      "expire-snapshots is refused: another branch may still reference the files, and Nessie GC removes them.",
      "",
      "Examples:",
      "  adlake maintain expire-snapshots --table silver.delivery_daily --retain-last 10",
      "  adlake maintain compact                      # every silver and gold table"
    },
    subcommands = {MaintainExpireCommand.class, MaintainCompactCommand.class},
    footer = ExitCodes.DESCRIPTION,
    mixinStandardHelpOptions = true)
final class MaintainCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    throw common.usageError("name a step: expire-snapshots or compact");
  }
}

package io.adlake.jobs.cli;

import io.adlake.catalog.Lakehouse;
import io.adlake.model.TableSpec;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.iceberg.actions.RewriteDataFiles;
import org.apache.iceberg.spark.actions.SparkActions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "compact",
    description = {
      "Rewrite small data files of adlake tables into larger ones (Iceberg's RewriteDataFiles action, bin-pack,",
      "the table's write.target-file-size-bytes). Rows and snapshots' contents do not change."
    },
    footer = ExitCodes.DESCRIPTION,
    mixinStandardHelpOptions = true)
final class MaintainCompactCommand implements Callable<Integer> {

  @Mixin CommonOptions common;
  @Mixin MaintainTableOptions tables;

  @Override
  public Integer call() {
    try (CommandContext context = new CommandContext(common, "adlake-maintain")) {
      Lakehouse lakehouse = context.lakehouse();
      for (TableSpec spec : tables.existing(common, lakehouse, "compact")) {
        RewriteDataFiles.Result result =
            SparkActions.get(lakehouse.spark())
                .rewriteDataFiles(lakehouse.table(spec))
                .binPack()
                .execute();
        System.out.printf(
            Locale.ROOT,
            "%-32s rewrote %d data file(s) (%,d bytes) into %d%n",
            spec.path(),
            result.rewrittenDataFilesCount(),
            result.rewrittenBytesCount(),
            result.addedDataFilesCount());
      }
      return ExitCodes.OK;
    }
  }
}

package io.adlake.jobs.cli;

import io.adlake.catalog.Lakehouse;
import io.adlake.model.TableSpec;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.actions.ExpireSnapshots;
import org.apache.iceberg.spark.actions.SparkActions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "expire-snapshots",
    description = {
      "Expire old snapshots and unreferenced files of adlake tables (Iceberg's ExpireSnapshots action).",
      "Snapshots older than the table's history.expire.max-snapshot-age-ms (Iceberg's default: 5 days) go,",
      "except the last --retain-last; run branches older than their retention go too."
    },
    footer = ExitCodes.DESCRIPTION,
    mixinStandardHelpOptions = true)
final class MaintainExpireCommand implements Callable<Integer> {

  @Mixin CommonOptions common;
  @Mixin MaintainTableOptions tables;

  @Option(
      names = "--retain-last",
      defaultValue = "10",
      description = "Snapshots kept on main whatever their age (default ${DEFAULT-VALUE}).")
  int retainLast;

  @Option(
      names = "--older-than-days",
      paramLabel = "DAYS",
      description =
          "Expire snapshots older than this many days instead of the table's maximum age (0: every snapshot but the last --retain-last).")
  Integer olderThanDays;

  @Override
  public Integer call() {
    if (olderThanDays != null && olderThanDays < 0) {
      throw common.usageError("--older-than-days must not be negative, was " + olderThanDays);
    }
    if (retainLast < 1) {
      throw common.usageError("--retain-last must be at least 1, was " + retainLast);
    }
    try (CommandContext context = new CommandContext(common, "adlake-maintain")) {
      if (!context.config.catalog().type().equals("jdbc")) {
        throw common.usageError(
            "expire-snapshots runs on the embedded (jdbc) catalog only; on "
                + context.config.catalog().type()
                + " other branches may reference the files: run Nessie GC");
      }
      Lakehouse lakehouse = context.lakehouse();
      for (TableSpec spec : tables.existing(common, lakehouse, "expire")) {
        ExpireSnapshots expire =
            SparkActions.get(lakehouse.spark())
                .expireSnapshots(lakehouse.table(spec))
                .retainLast(retainLast);
        if (olderThanDays != null) {
          expire =
              expire.expireOlderThan(
                  System.currentTimeMillis() - TimeUnit.DAYS.toMillis(olderThanDays));
        }
        ExpireSnapshots.Result result = expire.execute();
        System.out.printf(
            Locale.ROOT,
            "%-32s deleted %d data file(s), %d delete file(s), %d manifest(s), %d manifest list(s)%n",
            spec.path(),
            result.deletedDataFilesCount(),
            result.deletedPositionDeleteFilesCount() + result.deletedEqualityDeleteFilesCount(),
            result.deletedManifestsCount(),
            result.deletedManifestListsCount());
      }
      return ExitCodes.OK;
    }
  }
}

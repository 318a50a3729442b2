package io.adlake.jobs.cli;

import io.adlake.catalog.Lakehouse;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * Which tables a maintenance step works on: the named ones, else every published silver and gold
 * table.
 */
final class MaintainTableOptions {

  @Option(
      names = "--table",
      paramLabel = "NAMESPACE.TABLE",
      description =
          "A table to maintain, e.g. silver.delivery_daily; repeat for several. Default: every silver and gold table.")
  List<String> tables = new ArrayList<>();

  /**
   * The chosen tables that exist; each one not created yet is reported ("nothing to {@code work}")
   * and skipped.
   */
  List<TableSpec> existing(CommonOptions common, Lakehouse lakehouse, String work) {
    List<TableSpec> existing = new ArrayList<>();
    for (TableSpec spec : resolve(common)) {
      if (lakehouse.exists(spec)) {
        existing.add(spec);
      } else {
        System.out.printf(Locale.ROOT, "%-32s not created yet, nothing to %s%n", spec.path(), work);
      }
    }
    return existing;
  }

  private List<TableSpec> resolve(CommonOptions common) {
    if (tables.isEmpty()) {
      return Tables.PUBLISHED;
    }
    List<TableSpec> chosen = new ArrayList<>();
    for (String name : tables) {
      chosen.add(
          Tables.ALL.stream()
              .filter(spec -> spec.path().equals(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      common.usageError(
                          "--table "
                              + name
                              + ": no such adlake table (adlake tables lists them)")));
    }
    return chosen;
  }
}

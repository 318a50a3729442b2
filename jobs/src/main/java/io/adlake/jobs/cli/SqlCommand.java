package io.adlake.jobs.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "sql",
    description = {
      "Run Spark SQL against the lakehouse and print the result.",
      "",
      "Tables are addressed as namespace.table (the adlake catalog is the default), e.g. silver.delivery_daily.",
      "Iceberg metadata tables work too: silver.delivery_daily.snapshots, bronze.quarantine.files.",
      "",
      "Examples:",
      "  adlake sql \"select org_id, sum(media_cost_rc) from silver.delivery_daily group by org_id\"",
      "  adlake sql --format csv \"select * from bronze.quarantine\" > quarantine.csv"
    },
    footer = ExitCodes.DESCRIPTION,
    mixinStandardHelpOptions = true)
final class SqlCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL statement.")
  String query;

  @Option(names = "--limit", defaultValue = "200", description = "Rows to print at most (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--format", defaultValue = "table", description = "table or csv (default ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    if (!format.equals("table") && !format.equals("csv")) {
      throw common.usageError("--format must be table or csv");
    }
    common.quiet = common.quiet || format.equals("csv");
    try (CommandContext context = new CommandContext(common, "adlake-sql")) {
      Dataset<Row> result = context.lakehouse().spark().sql(query);
      if (format.equals("table")) {
        result.show(limit, false);
      } else {
        System.out.println(String.join(",", result.columns()));
        for (Row row : result.limit(limit).collectAsList()) {
          StringBuilder line = new StringBuilder();
          for (int i = 0; i < row.size(); i++) {
            String cell = row.isNullAt(i) ? "" : String.valueOf(row.get(i));
            line.append(i == 0 ? "" : ",").append(cell.matches(".*[\",\\n].*") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
          }
          System.out.println(line);
        }
      }
      return ExitCodes.OK;
    }
  }
}

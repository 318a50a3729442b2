package io.adlake.jobs.cli;

import io.adlake.jobs.query.ReadOnlyStatements;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "sql",
    description = {
      "Run Spark SQL against the lakehouse and print the result. Read-only unless --allow-writes is given:",
      "queries, SHOW, DESCRIBE, EXPLAIN and USE run; DDL, INSERT/MERGE/UPDATE/DELETE, CALL, CACHE, ADD JAR and",
      "SET key=value are refused (exit 10) before anything runs. Table upkeep is `adlake maintain`, not CALL.",
      "",
      "Tables are addressed as namespace.table (the adlake catalog is the default), e.g. silver.delivery_daily.",
      "Iceberg metadata tables work too: silver.delivery_daily.snapshots, bronze.quarantine.files.",
      "",
      "Examples:",
      "  adlake sql \"select org_id, sum(media_cost_rc) from silver.delivery_daily group by org_id\"",
      "  adlake sql --format csv \"select * from bronze.quarantine\" > quarantine.csv",
      "  adlake sql \"describe gold.pacing\"",
      "  adlake sql --allow-writes \"alter table gold.pacing set tblproperties ('comment'='...')\"   (changes main directly)"
    },
    footer = ExitCodes.DESCRIPTION,
    mixinStandardHelpOptions = true)
final class SqlCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL statement.")
  String query;

  @Option(
      names = "--limit",
      defaultValue = "200",
      description = "Rows to print at most (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or csv (default ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--allow-writes",
      description =
          "Run a statement that changes tables or the session. It acts on main directly, outside write-audit-publish: no gate judges it.")
  boolean allowWrites;

  @Override
  public Integer call() {
    if (!format.equals("table") && !format.equals("csv")) {
      throw common.usageError("--format must be table or csv");
    }
    common.quiet = common.quiet || format.equals("csv");
    try (CommandContext context = new CommandContext(common, "adlake-sql")) {
      SparkSession spark = context.lakehouse().spark();
      if (!allowWrites) {
        Optional<String> refusal = ReadOnlyStatements.refusal(parse(spark));
        if (refusal.isPresent()) {
          System.err.println(
              "adlake: refused: adlake sql is read-only and this is "
                  + refusal.get()
                  + ". Pass --allow-writes to run it on main, or use adlake maintain for table upkeep.");
          return ExitCodes.NOT_ALLOWED;
        }
      }
      Dataset<Row> result = spark.sql(query);
      if (format.equals("table")) {
        result.show(limit, false);
      } else {
        System.out.println(String.join(",", result.columns()));
        for (Row row : result.limit(limit).collectAsList()) {
          StringBuilder line = new StringBuilder();
          for (int i = 0; i < row.size(); i++) {
            String cell = row.isNullAt(i) ? "" : String.valueOf(row.get(i));
            line.append(i == 0 ? "" : ",")
                .append(
                    cell.matches(".*[\",\\n].*") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
          }
          System.out.println(line);
        }
      }
      return ExitCodes.OK;
    }
  }

  private LogicalPlan parse(SparkSession spark) {
    try {
      return spark.sessionState().sqlParser().parsePlan(query);
    } catch (ParseException e) {
      throw common.usageError("the statement does not parse: " + e.getMessage());
    }
  }
}

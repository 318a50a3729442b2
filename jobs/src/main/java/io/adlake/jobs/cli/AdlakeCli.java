package io.adlake.jobs.cli;

import io.adlake.catalog.tables.GrainCheck;
import io.adlake.jobs.query.ReadOnlyViolation;
import io.adlake.jobs.writeback.DecisionRefused;
import io.adlake.model.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "adlake",
    description = {
      "Batch lakehouse pipelines for advertising operations.",
      "",
      "Exports from DV360, The Trade Desk, Meta, the booking system and FX land in bronze Iceberg tables as",
      "delivered, become one cleaned, deduplicated, currency-normalised silver model, and gold marts for",
      "reporting, queried with SQL.",
      "",
      "Start with:  adlake demo     (sample exports for the registered orgs, bronze, silver and gold behind",
      "                              quality gates, published, then a summary)",
      "Daily:       adlake run --date D   (what Airflow runs: ingest, silver, gate, gold, gate, publish)",
      "Then:        adlake tables   and   adlake sql \"select * from silver.delivery_daily limit 10\""
    },
    subcommands = {
      DemoCommand.class,
      GenerateCommand.class,
      FetchCommand.class,
      DoctorCommand.class,
      IngestCommand.class,
      SilverCommand.class,
      GoldCommand.class,
      RunCommand.class,
      QualityCommand.class,
      AlertsCommand.class,
      NotifyCommand.class,
      WritebackCommand.class,
      SqlCommand.class,
      ServeCommand.class,
      MaintainCommand.class,
      TablesCommand.class,
      OrgCommand.class,
      BenchmarkCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = ExitCodes.DESCRIPTION,
    mixinStandardHelpOptions = true,
    versionProvider = AdlakeCli.Version.class)
public final class AdlakeCli {

  public static void main(String[] args) {
    BundledLogging.installIfUnconfigured();
    System.exit(run(args));
  }

  public static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new AdlakeCli());
    // The descriptions are laid out in lines of up to 120 columns; at picocli's default of 80 each
    // wrapped mid-line.
    cli.setUsageHelpWidth(120);
    cli.setExecutionExceptionHandler(AdlakeCli::handle);
    GoldCommand.listChecks(cli.getSubcommands().get("gold"));
    return cli;
  }

  /**
   * Known failures print one clear line and a named exit code; anything else prints its stack
   * trace.
   */
  private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    Throwable cause = e;
    while (cause.getCause() != null
        && !(cause instanceof ConfigException)
        && !(cause instanceof InputException)) {
      cause = cause.getCause();
    }
    if (cause instanceof ConfigException) {
      err.println("adlake: configuration error: " + cause.getMessage());
      return ExitCodes.CONFIG;
    }
    if (cause instanceof InputException) {
      err.println("adlake: " + cause.getMessage());
      return ExitCodes.INPUT;
    }
    if (e instanceof DecisionRefused || e instanceof ReadOnlyViolation) {
      err.println("adlake: refused: " + e.getMessage());
      return ExitCodes.NOT_ALLOWED;
    }
    if (e instanceof GrainCheck.GrainViolationException) {
      err.println("adlake: refusing to write duplicates: " + e.getMessage());
      return ExitCodes.SOFTWARE;
    }
    err.println("adlake: " + cli.getCommandName() + " failed: " + e);
    e.printStackTrace(err);
    return ExitCodes.SOFTWARE;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = AdlakeCli.class.getPackage().getImplementationVersion();
      return new String[] {"adlake " + (v == null ? "development build" : v)};
    }
  }
}

package io.adlake.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.security.auth.module.UnixSystem;
import io.adlake.jobs.cli.AdlakeCli;
import io.adlake.jobs.cli.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "demo",
        "generate",
        "ingest",
        "silver",
        "gold",
        "run",
        "quality",
        "alerts",
        "notify",
        "writeback",
        "sql",
        "serve",
        "maintain",
        "tables",
        "org",
        "benchmark"
      })
  void everyCommandExplainsItself(String command) {
    Captured out = run(command, "--help");
    assertThat(out.code).isEqualTo(ExitCodes.OK);
    assertThat(out.stdout).contains("Usage: adlake " + command).contains("Exit codes:");
  }

  @Test
  void orgAddValidatesAndWritesTheRegistry(@TempDir Path conf) throws Exception {
    Files.writeString(conf.resolve("orgs.yaml"), "orgs: []\n");
    Captured bad =
        run(
            "org",
            "add",
            "--conf-dir",
            conf.toString(),
            "--id",
            "../etc",
            "--name",
            "X",
            "--currency",
            "EUR",
            "--timezone",
            "UTC");
    assertThat(bad.code).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.stderr).contains("invalid org id '../etc'");

    Captured currency =
        run(
            "org",
            "add",
            "--conf-dir",
            conf.toString(),
            "--id",
            "nordic",
            "--name",
            "N",
            "--currency",
            "EURO",
            "--timezone",
            "UTC");
    assertThat(currency.stderr).contains("invalid currency 'EURO'");

    Captured ok =
        run(
            "org",
            "add",
            "--conf-dir",
            conf.toString(),
            "--id",
            "nordic-retail",
            "--name",
            "Nordic Retail",
            "--currency",
            "SEK",
            "--timezone",
            "Europe/Stockholm",
            "--source",
            "ttd",
            "--source-option",
            "ttd.decimal_separator=,");
    assertThat(ok.code).isEqualTo(ExitCodes.OK);
    assertThat(Files.readString(conf.resolve("orgs.yaml")))
        .contains("id: \"nordic-retail\"")
        .contains("decimal_separator: \",\"");

    Captured twice =
        run(
            "org",
            "add",
            "--conf-dir",
            conf.toString(),
            "--id",
            "nordic-retail",
            "--name",
            "Again",
            "--currency",
            "SEK",
            "--timezone",
            "Europe/Stockholm");
    assertThat(twice.code).isEqualTo(ExitCodes.CONFIG);
    assertThat(twice.stderr).contains("org 'nordic-retail' already exists");
  }

  @Test
  void aMissingConfigurationIsAConfigError(@TempDir Path empty) {
    Captured out = run("tables", "--conf-dir", empty.toString());
    assertThat(out.code).isEqualTo(ExitCodes.CONFIG);
    assertThat(out.stderr)
        .contains("configuration file not found: " + empty.resolve("adlake.yaml"));
  }

  @Test
  void aMissingInputFileIsAnInputErrorNamingThePath(@TempDir Path dir) {
    Path missing = dir.resolve("no-such-report.csv");
    Captured out =
        run(
            "ingest",
            "--conf-dir",
            "../conf",
            "--source",
            "dv360",
            "--org",
            "acme-media",
            "--date",
            "2026-11-03",
            "--path",
            missing.toString());
    assertThat(out.code).isEqualTo(ExitCodes.INPUT);
    assertThat(out.stderr).contains("landing location does not exist: " + missing);
  }

  @Test
  void wrongValuesOnTheCommandLineAreUsageErrors() {
    Captured source =
        run(
            "ingest",
            "--conf-dir",
            "../conf",
            "--source",
            "tiktok",
            "--org",
            "acme-media",
            "--date",
            "2026-11-03",
            "--path",
            ".");
    assertThat(source.code).isEqualTo(ExitCodes.USAGE);
    assertThat(source.stderr)
        .contains(
            "unknown source 'tiktok'; known: dv360, ttd, meta, gam, monetize, bookings, setup, fx");
    Captured range =
        run("silver", "--conf-dir", "../conf", "--from", "2026-11-05", "--to", "2026-11-01");
    assertThat(range.code).isEqualTo(ExitCodes.USAGE);
    assertThat(range.stderr).contains("--to not before --from");
    Captured backwards =
        run("run", "--conf-dir", "../conf", "--from", "2026-11-05", "--to", "2026-11-01");
    assertThat(backwards.code).isEqualTo(ExitCodes.USAGE);
    assertThat(backwards.stderr)
        .contains("the last delivery date 2026-11-01 is before the first 2026-11-05");
    Captured neither = run("run", "--conf-dir", "../conf");
    assertThat(neither.code).isEqualTo(ExitCodes.USAGE);
    assertThat(neither.stderr).contains("give either --date, or --from and --to");
    Captured gam =
        run("fetch", "--conf-dir", "../conf", "--source", "monetize", "--date", "2026-11-03");
    assertThat(gam.code).isEqualTo(ExitCodes.USAGE);
    assertThat(gam.stderr)
        .contains("--source monetize: adlake fetches [dv360, ttd, meta, gam, bookings, setup]");
    Captured snapshotRange =
        run(
            "fetch",
            "--conf-dir",
            "../conf",
            "--source",
            "setup",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-02");
    assertThat(snapshotRange.code).isEqualTo(ExitCodes.USAGE);
    assertThat(snapshotRange.stderr)
        .contains(
            "--source setup is a snapshot of what the platform holds now: fetch it with --date");
    Captured oldSnapshot =
        run("fetch", "--conf-dir", "../conf", "--source", "bookings", "--date", "2020-01-15");
    assertThat(oldSnapshot.code)
        .as("a rerun of an old date lands nothing, and Airflow skips the task")
        .isEqualTo(ExitCodes.INPUT);
    assertThat(oldSnapshot.stderr)
        .contains(
            "landing it as of 2020-01-15 would date today's state wrongly; nothing was fetched");
    Captured fetchRange =
        run(
            "fetch",
            "--conf-dir",
            "../conf",
            "--source",
            "meta",
            "--date",
            "2026-11-03",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-02");
    assertThat(fetchRange.code).isEqualTo(ExitCodes.USAGE);
    assertThat(fetchRange.stderr).contains("give --date, or --from with --to");
    Captured step = run("run", "--conf-dir", "../conf", "--date", "2026-11-03", "--step", "bronze");
    assertThat(step.code).isEqualTo(ExitCodes.USAGE);
    assertThat(step.stderr)
        .contains(
            "unknown run step 'bronze'; expected one of silver, silver-gate, gold, gold-gate, publish");
    Captured both = run("alerts", "--conf-dir", "../conf", "--date", "2026-11-03", "--latest");
    assertThat(both.code).isEqualTo(ExitCodes.USAGE);
    assertThat(both.stderr).contains("give either --date or --latest");
  }

  @Test
  void aQualityReportBeforeAnyGateIsAnInputError(@TempDir Path data) {
    Captured out =
        run("quality", "report", "--conf-dir", "../conf", "--data-dir", data.toString(), "--quiet");
    assertThat(out.code).isEqualTo(ExitCodes.INPUT);
    assertThat(out.stderr).contains("no gate has run yet: ops.quality_results does not exist");
  }

  @Test
  void writebackBeforeAnyAlertIsAnInputErrorAndNeedsAStep(@TempDir Path data) {
    Captured plan =
        run("writeback", "plan", "--conf-dir", "../conf", "--data-dir", data.toString(), "--quiet");
    assertThat(plan.code).as(plan.stderr).isEqualTo(ExitCodes.INPUT);
    assertThat(plan.stderr).contains("nothing to plan from: ops.alerts does not exist");
    Captured approve =
        run(
            "writeback",
            "approve",
            "0123abcd",
            "--conf-dir",
            "../conf",
            "--data-dir",
            data.toString(),
            "--quiet");
    assertThat(approve.code).isEqualTo(ExitCodes.INPUT);
    assertThat(approve.stderr).contains("no write-back action with id '0123abcd'");
    Captured bare = run("writeback", "--conf-dir", "../conf");
    assertThat(bare.code).isEqualTo(ExitCodes.USAGE);
    assertThat(bare.stderr).contains("name a step: plan, approve, reject, execute or history");
  }

  @Test
  void actingForSomeoneElseIsRefusedUnlessTheProcessUserIsADelegator(@TempDir Path data) {
    // The shipped conf names only "airflow" as a delegator; the test runs as another OS user.
    String me = new UnixSystem().getUsername();
    assertThat(me).isNotEqualTo("airflow");
    Captured someoneElse =
        run(
            "writeback",
            "approve",
            "0123abcd",
            "--on-behalf-of",
            "jane@agency.example",
            "--conf-dir",
            "../conf",
            "--data-dir",
            data.toString(),
            "--quiet");
    assertThat(someoneElse.code).as(someoneElse.stderr).isEqualTo(ExitCodes.NOT_ALLOWED);
    assertThat(someoneElse.stderr)
        .contains(
            "refused: '"
                + me
                + "' may not act on behalf of 'jane@agency.example': only the delegators in conf/writeback.yaml [airflow] may");
    Captured myself =
        run(
            "writeback",
            "approve",
            "0123abcd",
            "--on-behalf-of",
            me,
            "--conf-dir",
            "../conf",
            "--data-dir",
            data.toString(),
            "--quiet");
    assertThat(myself.code)
        .as("naming oneself is not acting for someone else")
        .isEqualTo(ExitCodes.INPUT);
    assertThat(run("writeback", "plan", "--by", "jane", "--conf-dir", "../conf").code)
        .as("--by is gone")
        .isEqualTo(ExitCodes.USAGE);
  }

  private record Captured(int code, String stdout, String stderr) {}

  private static Captured run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true));
    System.setErr(new PrintStream(err, true));
    try {
      int code = AdlakeCli.run(args);
      return new Captured(code, out.toString(), err.toString());
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}

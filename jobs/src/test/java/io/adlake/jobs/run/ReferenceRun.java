package io.adlake.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.jobs.sample.SampleExports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One uninterrupted {@code adlake run} as a real process, made once per test JVM and shared: the
 * crash harness compares its trials with it, and the secrets scan carries on from it (alerts,
 * notify, write-back) and scans it. Two orgs, two sample days, five sources, with the sample's
 * faults. Every secret adlake reads is set to a marker in its environment; nothing that comes after
 * may change its silver, gold or bronze.
 *
 * @param conf the configuration folder of the run
 * @param landing a pristine copy of the landing zone, for runs that start again from nothing
 * @param data the reference's data folder: landing, catalog, warehouse and {@code reference.log}
 * @param firstLine nanoseconds from the start of the process to its first progress line (JVM and
 *     Spark start)
 * @param working nanoseconds from the first progress line to the end
 * @param secrets environment variable to marker value, as the run had them
 */
record ReferenceRun(
    Path conf, Path landing, Path data, long firstLine, long working, Map<String, String> secrets) {

  static final LocalDate START = LocalDate.of(2026, 11, 2);
  static final String[] RUN = {
    "run", "--from", START.toString(), "--to", START.plusDays(1).toString()
  };

  /** In every marker, so a scan finds the markers of this JVM's run and no other. */
  static final String TAG = UUID.randomUUID().toString().substring(0, 8);

  /**
   * The Slack webhooks' secret path ends; their host and port are the test server's, known only
   * later.
   */
  static final String SLACK_ACME = "adlake-marker-slack-acme-" + TAG;

  static final String SLACK_KIWI = "adlake-marker-slack-kiwi-" + TAG;

  private static ReferenceRun made;

  static synchronized ReferenceRun get() throws Exception {
    if (made == null) {
      made = make();
    }
    return made;
  }

  /** The markers, environment variable to value, with the webhooks on this base URL. */
  static Map<String, String> secrets(String slackBase) {
    Map<String, String> secrets = new LinkedHashMap<>();
    for (String name :
        List.of(
            "ADLAKE_DV360_TOKEN",
            "ADLAKE_DV360_TOKEN_ACME",
            "ADLAKE_TTD_TOKEN",
            "ADLAKE_META_TOKEN",
            "ADLAKE_SMTP_USER",
            "ADLAKE_SMTP_PASSWORD")) {
      secrets.put(
          name, "adlake-marker-" + name.toLowerCase(Locale.ROOT).replace('_', '-') + "-" + TAG);
    }
    secrets.put("ADLAKE_SLACK_WEBHOOK_ACME", slackBase + "/services/T0ACME/B0ACME/" + SLACK_ACME);
    secrets.put("ADLAKE_SLACK_WEBHOOK_KIWI", slackBase + "/services/T0KIWI/B0KIWI/" + SLACK_KIWI);
    return secrets;
  }

  private static ReferenceRun make() throws Exception {
    Path conf =
        AdlakeProcesses.conf(
            List.of("acme", "kiwi"), List.of("dv360", "meta", "bookings", "setup", "fx"));
    Path landing = Files.createTempDirectory("adlake-reference-landing");
    // With the sample's faults: quarantined rows are part of what the manifest must account for.
    AdlakeProcesses.land(conf, landing, new SampleExports.Settings(START, 2, 7L, true));
    Path data = copyOf(landing);
    // No server listens on port 9 (discard): a run reads no webhook, it only has it in its
    // environment.
    Map<String, String> secrets = secrets("http://127.0.0.1:9");
    List<String> args = new ArrayList<>(List.of(RUN));
    args.addAll(
        List.of(
            "--conf-dir", conf.toString(), "--data-dir", data.toString(), "--profile", "local"));
    long started = System.nanoTime();
    Process run = AdlakeProcesses.launch(data, "reference", secrets, args);
    long firstLine = awaitFirstLine(data, "reference", run) - started;
    assertThat(AdlakeProcesses.finish(run, data, "reference"))
        .as(AdlakeProcesses.tail(data, "reference"))
        .isZero();
    return new ReferenceRun(
        conf, landing, data, firstLine, System.nanoTime() - started - firstLine, secrets);
  }

  /** A new data folder whose landing zone is a copy of this one. */
  static Path copyOf(Path landing) throws IOException {
    Path data = Files.createTempDirectory("adlake-process-data");
    Path target = data.resolve("landing");
    try (Stream<Path> files = Files.walk(landing)) {
      for (Path from : files.toList()) {
        Files.copy(from, target.resolve(landing.relativize(from).toString()));
      }
    }
    return data;
  }

  /** Waits for the run's first progress line and returns System.nanoTime() then. */
  static long awaitFirstLine(Path data, String name, Process process) throws Exception {
    while (RunLog.stepAt(Files.readString(data.resolve(name + ".log"))).equals(RunLog.STARTUP)
        && process.isAlive()) {
      Thread.sleep(50);
    }
    return System.nanoTime();
  }
}

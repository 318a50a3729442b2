package io.adlake.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.SharedSpark;
import io.adlake.catalog.landing.LocalLandingStore;
import io.adlake.jobs.sample.SampleExports;
import io.adlake.model.config.CatalogSettings;
import io.adlake.model.config.MartSettingsLoader;
import io.adlake.model.config.QualitySettingsLoader;
import io.adlake.model.org.Org;
import io.adlake.model.org.OrgId;
import io.adlake.model.org.OrgRegistry;
import io.adlake.model.org.SourceOptions;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real {@code adlake} processes for the tests that crash and race them: each command is a JVM of
 * its own with this test JVM's class path and flags, on one data folder's embedded catalog, logging
 * to {@code <data>/<name>.log}.
 */
public final class AdlakeProcesses {
  private AdlakeProcesses() {}

  /**
   * A configuration folder with the shipped adlake.yaml and gates, the marts' defaults without the
   * sample orgs' overrides, and these orgs reporting in EUR from Berlin with these sources.
   */
  static Path conf(List<String> orgIds, List<String> sourceNames) throws IOException {
    Path conf = Files.createTempDirectory("adlake-process-conf");
    Files.copy(Path.of("../conf/adlake.yaml"), conf.resolve("adlake.yaml"));
    Files.copy(
        Path.of("../conf", QualitySettingsLoader.FILE), conf.resolve(QualitySettingsLoader.FILE));
    String marts = Files.readString(Path.of("../conf", MartSettingsLoader.FILE));
    Files.writeString(
        conf.resolve(MartSettingsLoader.FILE), marts.substring(0, marts.indexOf("\norgs:")) + "\n");
    Map<String, SourceOptions> sources = new LinkedHashMap<>();
    sourceNames.forEach(s -> sources.put(s, SourceOptions.defaults()));
    List<Org> orgs = new ArrayList<>();
    for (String id : orgIds) {
      orgs.add(new Org(OrgId.of(id), id, "EUR", "Europe/Berlin", sources));
    }
    new OrgRegistry(orgs).save(conf.resolve(OrgRegistry.FILE));
    return conf;
  }

  /** The sample exports of the configured orgs, written into a landing zone. */
  static void land(Path conf, Path landing, SampleExports.Settings settings) throws IOException {
    OrgRegistry orgs = OrgRegistry.load(conf.resolve(OrgRegistry.FILE));
    new SampleExports(orgs, new LocalLandingStore(), landing.toString(), settings).writeAll();
  }

  /** Starts {@code adlake <args>} on this data folder and configuration. */
  static Process start(Path data, Path conf, String name, String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--conf-dir", conf.toString(), "--data-dir", data.toString(), "--profile", "local"));
    return launch(data, name, Map.of(), all);
  }

  /**
   * Starts {@code adlake <args>} as given, with these environment variables added, logging to
   * {@code <logDir>/<name>.log}.
   */
  public static Process launch(Path logDir, String name, Map<String, String> env, List<String> args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), "io.adlake.jobs.cli.AdlakeCli"));
    command.addAll(args);
    File log = logDir.resolve(name + ".log").toFile();
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
    builder.environment().putAll(env);
    return builder.start();
  }

  /** Waits for the process to end (at most 10 minutes) and returns its exit code. */
  public static int finish(Process process, Path data, String name) throws InterruptedException {
    assertThat(process.waitFor(10, TimeUnit.MINUTES))
        .as("%s ended: %s", name, tail(data, name))
        .isTrue();
    return process.exitValue();
  }

  /** Waits until the process has logged this text (at most 2 minutes). */
  static void awaitLine(Path data, String name, String line, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!Files.readString(data.resolve(name + ".log")).contains(line)) {
      assertThat(process.isAlive()).as(tail(data, name)).isTrue();
      assertThat(System.nanoTime()).as("'%s' in %s.log", line, name).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  /** The last 4000 characters of a process's log, for assertion messages. */
  public static String tail(Path data, String name) {
    try {
      String text = Files.readString(data.resolve(name + ".log"));
      return text.substring(Math.max(0, text.length() - 4000));
    } catch (IOException e) {
      return e.toString();
    }
  }

  /**
   * The processes' catalog, read from this JVM's session (the catalog name keys its rows: it must
   * be theirs).
   */
  static Lakehouse lakehouse(Path data) {
    // Spark keeps a catalog once loaded: drop it, or a second data folder would be read through the
    // first's.
    SharedSpark.spark().sessionState().catalogManager().reset();
    CatalogSettings catalog =
        new CatalogSettings(
            "adlake",
            "jdbc",
            "jdbc:sqlite:" + data.resolve("catalog.db"),
            data.resolve("warehouse").toString(),
            Map.of());
    catalog.sparkConf().forEach(SharedSpark.spark().conf()::set);
    return new Lakehouse(SharedSpark.spark(), catalog.name());
  }
}

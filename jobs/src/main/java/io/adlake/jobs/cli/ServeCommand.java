package io.adlake.jobs.cli;

import io.adlake.jobs.query.BiEndpoint;
import io.adlake.model.config.AdlakeConfig;
import io.adlake.model.config.ServeSettings;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    description = {
      "Serve the lakehouse to BI tools over JDBC/ODBC: a HiveServer2-protocol endpoint (Spark's Thrift server).",
      "",
      "Each table of the served namespaces (serve.namespaces, default gold and silver) is a view of the same",
      "name, so BI table browsers list it with its column types; a view reads main's current snapshot at each",
      "query, so a publish shows at once, and new tables appear within serve.refresh_seconds. Read-only: only",
      "queries, SHOW, DESCRIBE, EXPLAIN and USE run.",
      "",
      "Listens on serve.host:serve.port (default 127.0.0.1:10000; ADLAKE_SERVE_HOST, ADLAKE_SERVE_PORT).",
      "Authentication is HiveServer2's: NONE (the default: any user name, no password), NOSASL, or LDAP with",
      "its hive.server2.authentication.ldap.* settings in serve.hive_conf. Open it beyond loopback only behind",
      "LDAP or a proxy that authenticates.",
      "",
      "Spark's Thrift server comes from a pyspark 3.5.9 install (its pyspark/jars folder): serve.spark_jars, or",
      "ADLAKE_SERVE_SPARK_JARS, else the repository's .venv. Runs until stopped (Ctrl-C, SIGTERM).",
      "",
      "Examples:",
      "  adlake serve",
      "  beeline -u jdbc:hive2://127.0.0.1:10000/gold -e 'select * from pacing limit 5'",
      "  ADLAKE_SERVE_PORT=10001 adlake serve --profile nessie-local"
    },
    footer = ExitCodes.DESCRIPTION,
    mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {

  static final String THRIFT_JAR = "spark-hive-thriftserver_2.12-3.5.9.jar";

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    // The context only reads the configuration here: the endpoint builds a Spark session of its
    // own.
    AdlakeConfig config;
    try (CommandContext context = new CommandContext(common, "adlake-serve")) {
      config = context.config;
    }
    if (!BiEndpoint.available()) {
      return relaunchWithThriftServer(config);
    }
    BiEndpoint endpoint = BiEndpoint.start(config);
    ServeSettings serve = config.serve();
    System.out.printf(
        "adlake serve: jdbc:hive2://%s:%d/%s  (views of %s, read-only; Ctrl-C stops)%n",
        serve.host(),
        serve.port(),
        serve.namespaces().get(0),
        String.join(", ", serve.namespaces()));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  endpoint.close();
                  stopped.countDown();
                }));
    stopped.await();
    return ExitCodes.OK;
  }

  /**
   * This JVM was started from adlake's jar alone: start it again with Spark's Thrift-server and
   * Hive jars in front (they bring the Guava 14 and Hive 2.3 classes Spark's Hive code was built
   * against) and adlake's jar after them, with the same JVM options and arguments, and wait for it.
   */
  private int relaunchWithThriftServer(AdlakeConfig config)
      throws IOException, InterruptedException, URISyntaxException {
    Path jars = sparkJars(config);
    Path adlakeJar =
        Path.of(ServeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    // `java -jar` applied the jar manifest's Add-Opens; with -cp they must be given as options.
    for (String module : addOpens(adlakeJar)) {
      command.add("--add-opens=" + module + "=ALL-UNNAMED");
    }
    command.add("-cp");
    command.add(jars + File.separator + "*" + File.pathSeparator + adlakeJar);
    command.add(AdlakeCli.class.getName());
    command.addAll(spec.commandLine().getParseResult().originalArgs());
    Process child = new ProcessBuilder(command).inheritIO().start();
    Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
    return child.waitFor();
  }

  private Path sparkJars(AdlakeConfig config) throws IOException {
    List<Path> candidates = new ArrayList<>();
    String configured = config.serve().sparkJars();
    if (!configured.isBlank()) {
      candidates.add(Path.of(configured));
    } else {
      Path venvLib = config.confDir().getParent().resolve(".venv").resolve("lib");
      if (Files.isDirectory(venvLib)) {
        try (Stream<Path> pythons = Files.list(venvLib)) {
          pythons.map(p -> p.resolve("site-packages/pyspark/jars")).forEach(candidates::add);
        }
      }
    }
    return candidates.stream()
        .filter(dir -> Files.isRegularFile(dir.resolve(THRIFT_JAR)))
        .findFirst()
        .orElseThrow(
            () ->
                new InputException(
                    "adlake serve needs Spark's Thrift server ("
                        + THRIFT_JAR
                        + "): `pip install pyspark==3.5.9` and set "
                        + "serve.spark_jars or ADLAKE_SERVE_SPARK_JARS to its pyspark/jars folder"
                        + (candidates.isEmpty() ? "" : "; looked in " + candidates)));
  }

  private static List<String> addOpens(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      String value = file.getManifest().getMainAttributes().getValue("Add-Opens");
      return value == null ? List.of() : List.of(value.trim().split("\\s+"));
    }
  }
}

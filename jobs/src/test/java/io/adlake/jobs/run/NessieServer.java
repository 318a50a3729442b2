package io.adlake.jobs.run;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Nessie server (the runner jar Maven copies to {@code target/nessie}) in a child JVM on
 * 127.0.0.1, in memory. Nessie needs Java 21+: {@code $NESSIE_JAVA_HOME}, else the newest such JDK
 * under /usr/lib/jvm (as {@code catalog/scripts/nessie-server} picks it).
 */
final class NessieServer implements AutoCloseable {

  private final Process process;
  private final String uri;

  private NessieServer(Process process, String uri) {
    this.process = process;
    this.uri = uri;
  }

  static NessieServer start() throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path java = javaHome().resolve("bin").resolve("java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-Xmx512m",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.enabled=false",
                "-Dnessie.version.store.type=IN_MEMORY",
                "-jar",
                System.getProperty("adlake.nessie.jar"))
            .redirectErrorStream(true)
            .redirectOutput(Path.of("target", "nessie.log").toFile())
            .start();
    String base = "http://127.0.0.1:" + port + "/api/v2";
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (true) {
      try {
        HttpURLConnection c =
            (HttpURLConnection) URI.create(base + "/config").toURL().openConnection();
        c.setConnectTimeout(500);
        if (c.getResponseCode() == 200) {
          return new NessieServer(process, base);
        }
      } catch (IOException notYet) {
        // still starting
      }
      if (Instant.now().isAfter(deadline) || !process.isAlive()) {
        process.destroy();
        throw new IllegalStateException(
            "Nessie did not start with " + java + "; see jobs/target/nessie.log");
      }
      Thread.sleep(250);
    }
  }

  String uri() {
    return uri;
  }

  private static Path javaHome() throws IOException {
    String configured = System.getenv("NESSIE_JAVA_HOME");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    try (Stream<Path> homes = Files.list(Path.of("/usr/lib/jvm"))) {
      return homes
          .filter(h -> Files.isExecutable(h.resolve("bin").resolve("java")))
          .map(
              h ->
                  new Object() {
                    final Path home = h;
                    final int major = major(h).orElse(0);
                  })
          .filter(j -> j.major >= 21)
          .max(Comparator.comparingInt(j -> j.major))
          .map(j -> j.home)
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "Nessie needs Java 21+: none under /usr/lib/jvm; set NESSIE_JAVA_HOME"));
    }
  }

  private static Optional<Integer> major(Path home) {
    try {
      Matcher m =
          Pattern.compile("JAVA_VERSION=\"(\\d+)")
              .matcher(Files.readString(home.resolve("release")));
      return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    process.destroy();
  }
}

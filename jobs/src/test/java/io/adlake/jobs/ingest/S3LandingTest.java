package io.adlake.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.SharedSpark;
import io.adlake.catalog.landing.LandingScan;
import io.adlake.catalog.landing.S3LandingStore;
import io.adlake.jobs.Progress;
import io.adlake.jobs.TestLanding;
import io.adlake.model.Tables;
import io.adlake.model.config.S3Settings;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Ingest from an S3 landing prefix served by a real S3-compatible server (s3mock) on 127.0.0.1. */
@ExtendWith(SharedSpark.class)
class S3LandingTest {

  private static Process s3mock;
  private static String endpoint;

  @BeforeAll
  static void startS3() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    int httpsPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      httpsPort = socket.getLocalPort();
    }
    String jar = System.getProperty("adlake.s3mock.jar");
    s3mock =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                jar,
                "--com.adobe.testing.s3mock.httpPort=" + port,
                "--server.port=" + httpsPort,
                "--server.address=127.0.0.1",
                "--com.adobe.testing.s3mock.store.initialBuckets=landing")
            .redirectErrorStream(true)
            .redirectOutput(Path.of("target", "s3mock.log").toFile())
            .start();
    endpoint = "http://127.0.0.1:" + port;
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      try {
        HttpURLConnection c =
            (HttpURLConnection) URI.create(endpoint + "/").toURL().openConnection();
        c.setConnectTimeout(500);
        if (c.getResponseCode() > 0) {
          break;
        }
      } catch (IOException notYet) {
        if (Instant.now().isAfter(deadline) || !s3mock.isAlive()) {
          throw new IllegalStateException("s3mock did not start; see jobs/target/s3mock.log");
        }
        Thread.sleep(250);
      }
    }
    // The SDK's default credential chain reads these; s3mock accepts any.
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
  }

  @AfterAll
  static void stopS3() {
    if (s3mock != null) {
      s3mock.destroy();
    }
  }

  @Test
  void ingestsALandingPrefixOnS3(Lakehouse lakehouse, @TempDir Path local) throws Exception {
    TestLanding.build(local);
    S3Settings settings = new S3Settings("us-east-1", endpoint, true);
    S3LandingStore store = new S3LandingStore(settings);
    try (S3Client client =
        S3Client.builder()
            .endpointOverride(URI.create(endpoint))
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build()) {
      try (var files = Files.walk(local)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          store.write(
              "s3://landing/exports/" + local.relativize(file).toString().replace('\\', '/'),
              Files.readAllBytes(file));
        }
      }
      assertThat(client.listObjectsV2(b -> b.bucket("landing")).contents()).hasSize(9);
    }
    String root = "s3://landing/exports";
    LandingScan scan = LandingScan.of(root, store.list(root));
    assertThat(scan.slices()).hasSize(5);
    IngestReport report =
        new IngestJob(lakehouse, TestLanding.registry(), store, Progress.silent())
            .run(scan.slices(), scan.rejected());
    assertThat(report.reconciles()).isTrue();
    assertThat(report.rowsAccepted()).isEqualTo(21); // as IngestAndSilverTest: the same fixtures
    assertThat(lakehouse.read(Tables.BRONZE_DV360).first().<String>getAs("source_file"))
        .isEqualTo("s3://landing/exports/acme/dv360/2026-11-03/dv360_report.csv");
  }
}

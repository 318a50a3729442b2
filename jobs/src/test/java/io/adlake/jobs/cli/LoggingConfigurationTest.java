package io.adlake.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * conf/log4j2.properties as log4j2 reads it, and the jar's copy of it, each in a logger context of
 * its own (this JVM's own logging is left as it is). ConfiguredJvmTest shows its lines on a real
 * process's stderr.
 */
class LoggingConfigurationTest {

  private static final Path CONF_FILE = Path.of("../conf/log4j2.properties");

  private LoggerContext context;

  @AfterEach
  void stop() {
    context.stop();
  }

  @Test
  void confsFileLogsAdlakeAtInfoAndTheRestAtWarnWithTimeLevelLoggerAndThread() {
    context = new LoggerContext("conf");
    context.setConfigLocation(CONF_FILE.toUri());

    assertThat(context.getRootLogger().getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("io.adlake.jobs.run.PipelineRun").getLevel())
        .isEqualTo(Level.INFO);
    assertThat(context.getLogger("org.apache.spark.SparkContext").isInfoEnabled()).isFalse();
    assertThat(context.getLogger("org.apache.iceberg.BaseMetastoreCatalog").isInfoEnabled())
        .isFalse();
    assertThat(context.getLogger("org.apache.hadoop.util.NativeCodeLoader").isWarnEnabled())
        .isFalse();
    // io.adlake has no appender of its own: its lines go up to the root's console, on stderr.
    assertThat(
            context
                .getConfiguration()
                .getLoggerConfig("io.adlake.jobs.run.PipelineRun")
                .isAdditive())
        .isTrue();
    ConsoleAppender console = context.getConfiguration().getAppender("console");
    assertThat(context.getConfiguration().getRootLogger().getAppenders()).containsValue(console);
    assertThat(console.getTarget()).isEqualTo(ConsoleAppender.Target.SYSTEM_ERR);
    Log4jLogEvent event =
        Log4jLogEvent.newBuilder()
            .setLoggerName("io.adlake.catalog.SparkSessionFactory")
            .setLevel(Level.INFO)
            .setThreadName("main")
            .setMessage(new SimpleMessage("Spark session adlake-run: ..."))
            .build();
    assertThat(console.getLayout().toSerializable(event).toString())
        .matches(
            "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  i\\.a\\.c\\.SparkSessionFactory \\[main\\]: "
                + "Spark session adlake-run: \\.\\.\\.\\R");
  }

  @Test
  void aContextLog4j2FoundNoConfigurationForGetsTheJarsCopyOfConfsFile() throws IOException {
    context = new LoggerContext("unconfigured");

    assertThat(BundledLogging.installIfUnconfigured(context)).isTrue();

    assertThat(context.getConfiguration().getConfigurationSource().getLocation())
        .endsWith("io/adlake/jobs/cli/log4j2.properties");
    assertThat(context.getLogger("io.adlake.catalog.Lakehouse").getLevel()).isEqualTo(Level.INFO);
    assertThat(context.getRootLogger().getLevel()).isEqualTo(Level.WARN);
    try (var copy = BundledLogging.class.getResourceAsStream("log4j2.properties")) {
      assertThat(new String(copy.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo(Files.readString(CONF_FILE));
    }
  }

  @Test
  void aContextWithAConfigurationOfItsOwnKeepsIt() throws IOException {
    // As under spark-submit: the cluster's file, found before adlake's main runs.
    Path cluster = Files.createTempFile("cluster-log4j2", ".properties");
    Files.writeString(cluster, "rootLogger.level = info\n");
    context = new LoggerContext("cluster");
    context.setConfigLocation(cluster.toUri());

    assertThat(BundledLogging.installIfUnconfigured(context)).isFalse();

    assertThat(context.getRootLogger().getLevel()).isEqualTo(Level.INFO);
    assertThat(context.getConfiguration().getConfigurationSource().getLocation())
        .isEqualTo(cluster.toString());
  }
}

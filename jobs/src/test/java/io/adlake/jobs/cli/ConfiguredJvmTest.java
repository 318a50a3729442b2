package io.adlake.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.jobs.run.AdlakeProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A real adlake process given a Spark setting and conf's logging file as JVM options, the way
 * spark-submit hands its --conf to the driver and the launcher names conf/log4j2.properties: the
 * setting survives into the session, and adlake's info line, which says so, reaches stderr while
 * Spark's info lines do not.
 */
class ConfiguredJvmTest {

  @Test
  void aShufflePartitionsSetForSparkSurvivesAndAdlakesInfoLineSaysSo() throws Exception {
    Path data = Files.createTempDirectory("adlake-configured-jvm");
    // Paths relative to jobs/, the working directory the process inherits: JAVA_TOOL_OPTIONS splits
    // on spaces.
    String options =
        "-Dspark.sql.shuffle.partitions=7 -Dlog4j2.configurationFile=../conf/log4j2.properties";
    Map<String, String> jvmOptions = Map.of("JAVA_TOOL_OPTIONS", options);
    List<String> args =
        List.of(
            "sql",
            "set spark.sql.shuffle.partitions",
            "--conf-dir",
            "../conf",
            "--data-dir",
            data.toString(),
            "--profile",
            "local");

    Process sql = AdlakeProcesses.launch(data, "sql", jvmOptions, args);

    assertThat(AdlakeProcesses.finish(sql, data, "sql"))
        .as(AdlakeProcesses.tail(data, "sql"))
        .isZero();
    String output = Files.readString(data.resolve("sql.log"));
    assertThat(output).contains("|spark.sql.shuffle.partitions|7    |");
    assertThat(output)
        .containsPattern(
            "(?m)^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  i\\.a\\.c\\.SparkSessionFactory \\[main\\]: "
                + "Spark session adlake-sql: spark\\.sql\\.shuffle\\.partitions=7 \\(as configured\\), "
                + "spark\\.ui\\.enabled=false \\(adlake's default\\)")
        .doesNotContain(" INFO  o.a.");
  }
}

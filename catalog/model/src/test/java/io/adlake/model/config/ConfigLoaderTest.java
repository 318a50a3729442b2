package io.adlake.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  private static final String YAML =
      """
      default_profile: local
      defaults:
        spark: {shuffle_partitions: 8}
      profiles:
        local:
          data_dir: .adlake
          landing: ${data_dir}/landing
          catalog: {type: jdbc, uri: "jdbc:sqlite:${data_dir}/catalog.db", warehouse: "${data_dir}/warehouse"}
          spark: {master: "local[2]"}
        other:
          data_dir: /srv/x
          landing: s3://bucket/in
          catalog: {type: nessie, uri: "http://127.0.0.1:19120/api/v2", warehouse: "s3://wh/"}
      """;

  @Test
  void laterSourcesWinDefaultsProfileEnvironmentCommandLine(@TempDir Path home) throws Exception {
    Path conf = Files.createDirectories(home.resolve("conf"));
    Files.writeString(conf.resolve("adlake.yaml"), YAML);

    AdlakeConfig plain = new ConfigLoader(Map.of()).load(conf, null, Map.of());
    assertThat(plain.profile()).isEqualTo("local");
    assertThat(plain.dataDir()).isEqualTo(home.resolve(".adlake"));
    assertThat(plain.catalog().uri())
        .isEqualTo("jdbc:sqlite:" + home.resolve(".adlake/catalog.db"));
    assertThat(plain.spark().shufflePartitions()).isEqualTo(8);

    Map<String, String> env =
        Map.of("ADLAKE_DATA_DIR", "/tmp/from-env", "ADLAKE_SPARK_MASTER", "local[4]");
    AdlakeConfig fromEnv = new ConfigLoader(env).load(conf, null, Map.of());
    assertThat(fromEnv.catalog().warehouse()).isEqualTo("/tmp/from-env/warehouse");
    assertThat(fromEnv.spark().master()).isEqualTo("local[4]");

    Map<String, String> cli = new HashMap<>();
    cli.put("spark.master", "local[1]");
    cli.put("catalog.uri", null);
    AdlakeConfig fromCli = new ConfigLoader(env).load(conf, null, cli);
    assertThat(fromCli.spark().master()).isEqualTo("local[1]");
    assertThat(fromCli.catalog().uri()).isEqualTo("jdbc:sqlite:/tmp/from-env/catalog.db");

    AdlakeConfig other =
        new ConfigLoader(Map.of("ADLAKE_PROFILE", "other")).load(conf, null, Map.of());
    assertThat(other.catalog().sparkConf())
        .containsEntry("spark.sql.catalog.adlake.type", "nessie");
    assertThat(other.landing()).isEqualTo("s3://bucket/in");
  }

  @Test
  void anS3WarehouseReachesTheS3ServerTheLandingZoneUses(@TempDir Path home) throws Exception {
    Path conf = Files.createDirectories(home.resolve("conf"));
    Files.writeString(conf.resolve("adlake.yaml"), YAML);
    Map<String, String> env =
        Map.of(
            "ADLAKE_PROFILE",
            "other",
            "ADLAKE_S3_ENDPOINT",
            "http://127.0.0.1:9090",
            "ADLAKE_S3_PATH_STYLE",
            "true");

    AdlakeConfig other = new ConfigLoader(env).load(conf, null, Map.of());

    assertThat(other.s3().endpoint()).isEqualTo("http://127.0.0.1:9090");
    assertThat(other.catalog().sparkConf())
        .containsEntry("spark.sql.catalog.adlake.s3.endpoint", "http://127.0.0.1:9090")
        .containsEntry("spark.sql.catalog.adlake.s3.path-style-access", "true")
        .containsEntry("spark.sql.catalog.adlake.client.region", "us-east-1");
    // A local warehouse has no S3 properties.
    assertThat(new ConfigLoader(Map.of()).load(conf, null, Map.of()).catalog().properties())
        .isEmpty();
  }

  @Test
  void unknownProfilesAndBadValuesNameTheSetting(@TempDir Path conf) throws Exception {
    Files.writeString(conf.resolve("adlake.yaml"), YAML);
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(conf, "prod", Map.of()))
        .hasMessageContaining("unknown profile 'prod'; defined: local, other");
    assertThatThrownBy(
            () ->
                new ConfigLoader(Map.of("ADLAKE_SPARK_SHUFFLE_PARTITIONS", "many"))
                    .load(conf, null, Map.of()))
        .hasMessage("setting 'spark.shuffle_partitions' must be a whole number, was 'many'");
  }
}

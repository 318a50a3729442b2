package io.adlake.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.fs.LocalFileSystemWithoutForks;
import io.adlake.model.config.SparkSettings;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/**
 * Which of adlake's Spark defaults a session gets, tested on the SparkConf create() consults rather
 * than on a session: a test JVM holds one SparkContext (SharedSpark's), and a second session would
 * share it. ConfiguredJvmTest (jobs) runs a whole session.
 */
class SparkSessionFactoryTest {

  private static final SparkSettings LAPTOP = new SparkSettings("local[2]", 2, Map.of());
  private static final SparkSettings SPARK_SUBMIT = new SparkSettings("", 8, Map.of());

  @Test
  void shufflePartitionsSetForSparkSurviveAndTheUnsetKeysGetAdlakesDefaults() {
    SparkConf present = new SparkConf(false).set("spark.sql.shuffle.partitions", "7");

    assertThat(SparkSessionFactory.leftUnset(present, SparkSessionFactory.defaults(LAPTOP)))
        .containsExactly(
            Map.entry("spark.ui.enabled", "false"),
            Map.entry("spark.driver.host", "127.0.0.1"),
            Map.entry("spark.driver.bindAddress", "127.0.0.1"),
            Map.entry(
                LocalFileSystemWithoutForks.SPARK_SETTING,
                LocalFileSystemWithoutForks.class.getName()));
  }

  @Test
  void nothingSetGetsEveryDefaultAndSparkSubmitsMasterGetsNoLaptopSettings() {
    SparkConf nothing = new SparkConf(false);

    assertThat(SparkSessionFactory.leftUnset(nothing, SparkSessionFactory.defaults(LAPTOP)))
        .containsEntry("spark.sql.shuffle.partitions", "2")
        .containsEntry("spark.ui.enabled", "false")
        .hasSize(5);
    assertThat(SparkSessionFactory.leftUnset(nothing, SparkSessionFactory.defaults(SPARK_SUBMIT)))
        .containsExactly(Map.entry("spark.sql.shuffle.partitions", "8"));
  }

  @Test
  void aSystemPropertyAsSparkSubmitHandsItToTheDriverIsKept() {
    // spark-submit's --conf and spark-defaults.conf reach the driver as spark.* system properties;
    // so does
    // -Dspark.* in ADLAKE_JAVA_OPTS. create() reads them through a new SparkConf.
    System.setProperty("spark.sql.shuffle.partitions", "7");
    try {
      assertThat(
              SparkSessionFactory.leftUnset(
                  new SparkConf(), SparkSessionFactory.defaults(SPARK_SUBMIT)))
          .isEmpty();
    } finally {
      System.clearProperty("spark.sql.shuffle.partitions");
    }
  }
}

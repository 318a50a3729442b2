package io.adlake.catalog;

import io.adlake.catalog.fs.LocalFileSystemWithoutForks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local SparkSession per test JVM, shared by every test class that uses this extension. Tests
 * ask for a {@link SparkSession}, or for a {@link Lakehouse}: each Lakehouse parameter is a fresh,
 * empty Iceberg JDBC catalog on its own SQLite file, so tests never see each other's tables.
 */
public final class SharedSpark implements ParameterResolver {

  private static final AtomicInteger CATALOGS = new AtomicInteger();
  private static SparkSession spark;
  private static Path root;

  public static synchronized SparkSession spark() {
    if (spark == null) {
      try {
        root = Files.createTempDirectory("adlake-test-");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      spark =
          SparkSession.builder()
              .master("local[2]")
              .appName("adlake-tests")
              .config("spark.ui.enabled", "false")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.sql.shuffle.partitions", "2")
              // As the local profile of conf/adlake.yaml runs (see the reason there).
              .config("spark.sql.adaptive.enabled", "false")
              .config("spark.default.parallelism", "2")
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.sql.extensions", SparkSessionFactory.ICEBERG_EXTENSIONS)
              .config(
                  LocalFileSystemWithoutForks.SPARK_SETTING,
                  LocalFileSystemWithoutForks.class.getName())
              .getOrCreate();
      spark.sparkContext().setLogLevel("ERROR");
      java.lang.Runtime.getRuntime().addShutdownHook(new Thread(() -> spark.stop()));
    }
    return spark;
  }

  /** A new empty catalog registered in the shared session. */
  public static Lakehouse newLakehouse() {
    SparkSession session = spark();
    String name = "t" + CATALOGS.incrementAndGet();
    Path dir = root.resolve(name);
    String prefix = "spark.sql.catalog." + name;
    session.conf().set(prefix, "org.apache.iceberg.spark.SparkCatalog");
    session.conf().set(prefix + ".type", "jdbc");
    session.conf().set(prefix + ".jdbc.schema-version", "V1");
    session.conf().set(prefix + ".uri", "jdbc:sqlite:" + dir + ".db");
    session.conf().set(prefix + ".warehouse", dir.resolve("warehouse").toString());
    return new Lakehouse(session, name);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == SparkSession.class || type == Lakehouse.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SparkSession.class ? spark() : newLakehouse();
  }
}

package io.adlake.jobs.query;

import io.adlake.catalog.SparkSessionFactory;
import io.adlake.model.config.AdlakeConfig;
import io.adlake.model.config.ServeSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A HiveServer2-protocol endpoint (Spark's Thrift server) over the lakehouse, for BI tools' JDBC
 * and ODBC drivers: read-only SQL ({@link ReadOnlyExtensions}), views of the served namespaces in
 * the session catalog ({@link PublishedViews}), kept in step with the catalog every {@code
 * serve.refresh_seconds}.
 *
 * <p>Spark's Thrift server is not on adlake's build classpath (its 3.5.9 jar is not in the Maven
 * mirror), so it is started through its one public entry point, {@code
 * HiveThriftServer2.startWithContext}, found at run time in the jars of a pyspark 3.5.9 install
 * (the same Spark release as adlake's).
 */
public final class BiEndpoint implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BiEndpoint.class);
  public static final String SERVER_CLASS =
      "org.apache.spark.sql.hive.thriftserver.HiveThriftServer2";

  private final SparkSession spark;
  private final ScheduledExecutorService refresher;
  private final Object server;

  private BiEndpoint(SparkSession spark, ScheduledExecutorService refresher, Object server) {
    this.spark = spark;
    this.refresher = refresher;
    this.server = server;
  }

  /** Whether Spark's Thrift server classes are on this JVM's classpath. */
  public static boolean available() {
    try {
      Class.forName(SERVER_CLASS, false, BiEndpoint.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  public static BiEndpoint start(AdlakeConfig config) {
    ServeSettings serve = config.serve();
    // The Thrift server's in-memory Derby (Hive's execution metastore) writes a log; keep it out of
    // the working folder.
    if (System.getProperty("derby.stream.error.file") == null) {
      try {
        Files.createDirectories(config.dataDir());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the data folder " + config.dataDir(), e);
      }
      System.setProperty(
          "derby.stream.error.file", config.dataDir().resolve("serve-derby.log").toString());
    }
    SparkSession spark = SparkSessionFactory.create(config, "adlake-serve", sessionConf(config));
    PublishedViews views = new PublishedViews(spark, config.catalog().name(), serve.namespaces());
    int count = views.sync();
    Object server;
    try {
      server =
          Class.forName(SERVER_CLASS)
              .getMethod("startWithContext", SQLContext.class)
              .invoke(null, spark.sqlContext());
    } catch (ReflectiveOperationException e) {
      spark.stop();
      throw new IllegalStateException(
          "Spark's Thrift server did not start on "
              + serve.host()
              + ":"
              + serve.port()
              + ": "
              + rootMessage(e),
          e);
    }
    ScheduledExecutorService refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "adlake-serve-views");
              t.setDaemon(true);
              return t;
            });
    refresher.scheduleWithFixedDelay(
        () -> {
          try {
            views.sync();
          } catch (RuntimeException e) {
            // A catalog hiccup must not stop the endpoint; the views stay as they were until the
            // next round.
            LOG.warn(
                "refreshing the served views failed, keeping the current ones: {}", e.getMessage());
          }
        },
        serve.refreshSeconds(),
        serve.refreshSeconds(),
        TimeUnit.SECONDS);
    LOG.info(
        "serving {} views of {} on {}:{}", count, serve.namespaces(), serve.host(), serve.port());
    return new BiEndpoint(spark, refresher, server);
  }

  /**
   * What the session needs beyond a job's: read-only SQL, no table cache, the Thrift server's
   * address.
   */
  static Map<String, String> sessionConf(AdlakeConfig config) {
    ServeSettings serve = config.serve();
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put(
        "spark.sql.extensions",
        SparkSessionFactory.ICEBERG_EXTENSIONS + "," + ReadOnlyExtensions.class.getName());
    // BI tools name tables without a catalog; they must find the views, which live in the session
    // catalog.
    conf.put("spark.sql.defaultCatalog", "spark_catalog");
    // The views are rebuilt at each start from the lakehouse catalog; no Hive metastore is kept on
    // disk.
    conf.put("spark.sql.catalogImplementation", "in-memory");
    conf.put("spark.sql.catalog." + config.catalog().name() + ".cache-enabled", "false");
    conf.put("spark.hadoop.hive.server2.thrift.bind.host", serve.host());
    conf.put("spark.hadoop.hive.server2.thrift.port", String.valueOf(serve.port()));
    conf.put("spark.hadoop.hive.server2.authentication", serve.authentication());
    serve.hiveConf().forEach((key, value) -> conf.put("spark.hadoop." + key, value));
    return conf;
  }

  @Override
  public void close() {
    refresher.shutdownNow();
    try {
      server.getClass().getMethod("stop").invoke(server);
    } catch (ReflectiveOperationException e) {
      LOG.warn("stopping the Thrift server: {}", rootMessage(e));
    }
    spark.stop();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.toString();
  }
}

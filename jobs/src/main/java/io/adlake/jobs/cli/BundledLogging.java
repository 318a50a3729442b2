package io.adlake.jobs.cli;

import java.net.URISyntaxException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.DefaultConfiguration;

/**
 * The jar's copy of {@code conf/log4j2.properties}, for a JVM whose log4j2 found no configuration:
 * a bare {@code java -jar adlake.jar} without the launcher's {@code -Dlog4j2.configurationFile}.
 *
 * <p>It asks log4j2 what it found rather than checking {@code log4j2.configurationFile}, {@code
 * log4j.configurationFile} and the class path itself: log4j2 also looks in environment variables,
 * {@code log4j2.component.properties} and log4j2-test files, and only its own answer covers them
 * all. {@link DefaultConfiguration} is what it falls back to when every place was empty, much the
 * test Spark makes before installing defaults of its own. Under spark-submit, Spark has configured
 * logging before adlake's main runs (the cluster's file, else Spark's defaults; seen with Spark
 * 3.5's SparkSubmit in client mode), so the copy stays out.
 */
final class BundledLogging {
  private BundledLogging() {}

  /** Installs the copy when log4j2 found no configuration; returns whether it did. */
  static boolean installIfUnconfigured() {
    return installIfUnconfigured(LogManager.getContext(false));
  }

  /**
   * The same for this context. A cluster may route the log4j2 API elsewhere (log4j-to-slf4j): then
   * it is no log4j2 core context, and its logging is not adlake's to configure.
   */
  static boolean installIfUnconfigured(org.apache.logging.log4j.spi.LoggerContext context) {
    if (!(context instanceof LoggerContext core)
        || !(core.getConfiguration() instanceof DefaultConfiguration)) {
      return false;
    }
    try {
      core.setConfigLocation(BundledLogging.class.getResource("log4j2.properties").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("the jar's log4j2.properties has no valid URI", e);
    }
    return true;
  }
}

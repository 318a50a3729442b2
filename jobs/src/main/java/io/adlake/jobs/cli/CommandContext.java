package io.adlake.jobs.cli;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.SparkSessionFactory;
import io.adlake.model.config.AdlakeConfig;
import io.adlake.model.config.ConfigLoader;
import io.adlake.model.config.MartSettingsLoader;
import io.adlake.catalog.landing.LandingStore;
import io.adlake.catalog.landing.LandingStores;
import io.adlake.model.org.OrgRegistry;
import io.adlake.jobs.Progress;
import io.adlake.model.config.QualitySettingsLoader;
import io.adlake.jobs.gold.GoldJob;
import io.adlake.jobs.publish.RunBranches;
import io.adlake.jobs.run.PipelineRun;
import org.apache.spark.sql.SparkSession;

/** What a command runs with: configuration, the org registry, and a Spark session started only when needed. */
final class CommandContext implements AutoCloseable {

  final AdlakeConfig config;
  final Progress progress;
  private final String appName;
  private SparkSession spark;

  CommandContext(CommonOptions options, String appName) {
    ConfigLoader loader = ConfigLoader.fromSystemEnvironment();
    this.config = loader.load(loader.confDir(options.confDir), options.profile, options.overrides());
    this.progress = new Progress(System.err, options.quiet);
    this.appName = appName;
  }

  OrgRegistry orgs() {
    return OrgRegistry.load(config.orgRegistryFile());
  }

  /** The gold job with the registry, conf/marts.yaml and the FX lookback this command runs with. */
  GoldJob goldJob(OrgRegistry registry) {
    return new GoldJob(lakehouse(), registry, MartSettingsLoader.load(config.confDir(), registry), config.fxLookbackDays(), progress);
  }

  /** The write-audit-publish pipeline on this command's catalog, landing zone and configuration. */
  PipelineRun pipeline(OrgRegistry registry) {
    Lakehouse main = lakehouse();
    return new PipelineRun(
        main, RunBranches.forCatalog(main, config.catalog()), config.catalog().type(), registry, landing(config.landing()), config.landing(),
        MartSettingsLoader.load(config.confDir(), registry), QualitySettingsLoader.load(config.confDir()), config.fxLookbackDays(), config.confDir(),
        progress);
  }

  LandingStore landing(String location) {
    return LandingStores.forLocation(location, config.s3());
  }

  Lakehouse lakehouse() {
    if (spark == null) {
      progress.step("starting Spark (" + (config.spark().master().isBlank() ? "spark-submit" : config.spark().master())
          + "), catalog " + config.catalog().type() + " at " + config.catalog().uri());
      spark = SparkSessionFactory.create(config, appName);
    }
    return new Lakehouse(spark, config.catalog().name());
  }

  @Override
  public void close() {
    if (spark != null) {
      spark.stop();
    }
  }
}

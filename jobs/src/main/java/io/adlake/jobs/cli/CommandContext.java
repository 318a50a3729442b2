package io.adlake.jobs.cli;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.SparkSessionFactory;
import io.adlake.catalog.landing.LandingStore;
import io.adlake.catalog.landing.LandingStores;
import io.adlake.jobs.Progress;
import io.adlake.jobs.alerts.AlertsJob;
import io.adlake.jobs.gold.GoldJob;
import io.adlake.jobs.ingest.IngestJob;
import io.adlake.jobs.notify.NotifyJob;
import io.adlake.jobs.publish.RunBranches;
import io.adlake.jobs.run.PipelineRun;
import io.adlake.jobs.silver.SilverJob;
import io.adlake.jobs.writeback.PlatformAdapters;
import io.adlake.jobs.writeback.WhoActs;
import io.adlake.jobs.writeback.WritebackDecisions;
import io.adlake.jobs.writeback.WritebackExecutor;
import io.adlake.jobs.writeback.WritebackLedger;
import io.adlake.jobs.writeback.WritebackPlanner;
import io.adlake.model.config.AdlakeConfig;
import io.adlake.model.config.AlertSettings;
import io.adlake.model.config.AlertSettingsLoader;
import io.adlake.model.config.ConfigLoader;
import io.adlake.model.config.MartSettingsLoader;
import io.adlake.model.config.OrgMartSettings;
import io.adlake.model.config.QualitySettings;
import io.adlake.model.config.QualitySettingsLoader;
import io.adlake.model.config.WritebackSettings;
import io.adlake.model.config.WritebackSettingsLoader;
import io.adlake.model.org.OrgRegistry;
import io.adlake.platforms.kit.PlatformAccess;
import java.time.Clock;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * The wiring room: what a command runs with, and every job built from it. Each conf file is read
 * once, when a command first needs it ({@code adlake.yaml} at once, {@code orgs.yaml}, {@code
 * marts.yaml}, {@code quality.yaml}, {@code alerts.yaml}, {@code writeback.yaml} on first use), and
 * the Spark session starts only when a job needs the lakehouse. Commands ask for jobs here instead
 * of building them, so a job is wired the same way everywhere.
 */
final class CommandContext implements AutoCloseable {

  final AdlakeConfig config;
  final Progress progress;
  private final String appName;
  private SparkSession spark;
  private final Supplier<OrgRegistry> orgs;
  private final Supplier<OrgMartSettings> marts;
  private final Supplier<QualitySettings> quality;
  private final Supplier<AlertSettings> alerts;
  private final Supplier<WritebackSettings> writeback;

  CommandContext(CommonOptions options, String appName) {
    ConfigLoader loader = ConfigLoader.fromSystemEnvironment();
    this.config =
        loader.load(loader.confDir(options.confDir), options.profile, options.overrides());
    this.progress = new Progress(System.err, options.quiet);
    this.appName = appName;
    this.orgs = once(() -> OrgRegistry.load(config.orgRegistryFile()));
    this.marts = once(() -> MartSettingsLoader.load(config.confDir(), orgs()));
    this.quality = once(() -> QualitySettingsLoader.load(config.confDir()));
    this.alerts = once(() -> AlertSettingsLoader.load(config.confDir(), orgs()));
    this.writeback = once(() -> WritebackSettingsLoader.load(config.confDir(), orgs()));
  }

  /** conf/orgs.yaml (the registry file the profile names), read on first use. */
  OrgRegistry orgs() {
    return orgs.get();
  }

  WritebackSettings writebackSettings() {
    return writeback.get();
  }

  /** The write-audit-publish pipeline on this command's catalog, landing zone and configuration. */
  PipelineRun pipeline() {
    Lakehouse main = lakehouse();
    return new PipelineRun(
        main,
        RunBranches.forCatalog(main, config.catalog()),
        config.catalog().type(),
        orgs(),
        landing(config.landing()),
        config.landing(),
        marts.get(),
        quality.get(),
        config.fxLookbackDays(),
        config.confDir(),
        progress);
  }

  IngestJob ingestJob(LandingStore store) {
    return new IngestJob(lakehouse(), orgs(), store, progress);
  }

  SilverJob silverJob() {
    return new SilverJob(lakehouse(), orgs(), config.fxLookbackDays(), progress);
  }

  /** The gold job with the registry, conf/marts.yaml and the FX lookback this command runs with. */
  GoldJob goldJob() {
    return new GoldJob(lakehouse(), orgs(), marts.get(), config.fxLookbackDays(), progress);
  }

  AlertsJob alertsJob() {
    return new AlertsJob(lakehouse(), orgs(), alerts.get(), progress);
  }

  /** Secrets (webhooks, SMTP passwords) come from the environment the command runs in. */
  NotifyJob notifyJob() {
    return new NotifyJob(lakehouse(), orgs(), alerts.get(), System::getenv, progress);
  }

  WritebackPlanner writebackPlanner() {
    return new WritebackPlanner(
        new WritebackLedger(lakehouse()), orgs(), writeback.get(), progress);
  }

  WritebackDecisions writebackDecisions() {
    return new WritebackDecisions(new WritebackLedger(lakehouse()), writeback.get());
  }

  /**
   * The installed platforms ({@link InstalledPlatforms}), with secrets from the environment this
   * command runs in and one client per endpoint for the whole command.
   */
  PlatformAccess platforms() {
    return new PlatformAccess(InstalledPlatforms.kits(), System::getenv, Clock.systemUTC());
  }

  /** Platform tokens come from the environment variables conf/writeback.yaml names. */
  WritebackExecutor writebackExecutor() {
    return new WritebackExecutor(
        new WritebackLedger(lakehouse()),
        new PlatformAdapters(writeback.get(), platforms())::forOrg,
        progress,
        Clock.systemUTC());
  }

  /**
   * Who a write-back command acts as: this process's OS user, and whom conf/writeback.yaml lets it
   * act for.
   */
  WhoActs whoActs() {
    return WhoActs.ofProcess(writeback.get().delegators());
  }

  WritebackLedger writebackLedger() {
    return new WritebackLedger(lakehouse());
  }

  LandingStore landing(String location) {
    return LandingStores.forLocation(location, config.s3());
  }

  Lakehouse lakehouse() {
    if (spark == null) {
      progress.step(
          "starting Spark ("
              + (config.spark().master().isBlank() ? "spark-submit" : config.spark().master())
              + "), catalog "
              + config.catalog().type()
              + " at "
              + config.catalog().uri());
      spark = SparkSessionFactory.create(config, appName);
      progress.describeSparkJobs(spark.sparkContext());
    }
    return new Lakehouse(spark, config.catalog().name());
  }

  @Override
  public void close() {
    if (spark != null) {
      spark.stop();
    }
  }

  private static <T> Supplier<T> once(Supplier<T> load) {
    return new Supplier<>() {
      private T value;

      @Override
      public T get() {
        if (value == null) {
          value = load.get();
        }
        return value;
      }
    };
  }
}

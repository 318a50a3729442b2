package io.adlake.jobs.run;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.Tables;
import io.adlake.catalog.config.QualitySettingsLoader;
import io.adlake.catalog.landing.LocalLandingStore;
import io.adlake.jobs.Progress;
import io.adlake.jobs.TestLanding;
import io.adlake.jobs.publish.RunBranches;
import io.adlake.jobs.sample.SampleExports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/** A landing zone of sample exports for the test org and the shipped gates, and pipelines over them. */
final class SampleRunFixture {

  final Path landing;
  final Path conf;

  SampleRunFixture(LocalDate start, int days) throws IOException {
    landing = Files.createTempDirectory("adlake-run-landing");
    conf = Files.createTempDirectory("adlake-run-conf");
    Files.copy(Path.of("../conf/quality.yaml"), conf.resolve(QualitySettingsLoader.FILE));
    land(start, days);
  }

  /** Writes the sample exports of more delivery days. */
  void land(LocalDate start, int days) throws IOException {
    new SampleExports(TestLanding.registry(), new LocalLandingStore(), landing.toString(), new SampleExports.Settings(start, days, 7L, false)).writeAll();
  }

  PipelineRun pipeline(Lakehouse main, RunBranches branches, String catalogType) {
    return new PipelineRun(
        main, branches, catalogType, TestLanding.registry(), new LocalLandingStore(), landing.toString(), TestLanding.martSettings(),
        QualitySettingsLoader.load(conf), 7, conf, Progress.silent());
  }

  /** The snapshot main shows of each silver and gold table. */
  static Map<String, Long> publishedSnapshots(Lakehouse main) {
    return main.snapshotIds(Tables.PUBLISHED, "main");
  }
}

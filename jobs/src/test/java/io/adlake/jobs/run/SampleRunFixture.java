package io.adlake.jobs.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.landing.LocalLandingStore;
import io.adlake.catalog.tables.GrainCheck;
import io.adlake.jobs.Progress;
import io.adlake.jobs.TestLanding;
import io.adlake.jobs.publish.RunBranches;
import io.adlake.jobs.sample.SampleExports;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import io.adlake.model.config.QualitySettingsLoader;
import io.adlake.model.org.OrgRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A landing zone of sample exports for two test orgs (acme and kiwi: one to break, one to stay
 * healthy) and the shipped gates, and pipelines over them.
 */
final class SampleRunFixture {

  static final OrgRegistry ORGS = TestLanding.registry("acme", "kiwi");

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
    new SampleExports(
            ORGS,
            new LocalLandingStore(),
            landing.toString(),
            new SampleExports.Settings(start, days, 7L, false))
        .writeAll();
  }

  PipelineRun pipeline(Lakehouse main, RunBranches branches, String catalogType) {
    return pipeline(main, branches, catalogType, conf);
  }

  /** The same, with the gates of the {@code quality.yaml} in {@code gates}. */
  PipelineRun pipeline(Lakehouse main, RunBranches branches, String catalogType, Path gates) {
    return new PipelineRun(
        main,
        branches,
        catalogType,
        ORGS,
        new LocalLandingStore(),
        landing.toString(),
        TestLanding.martSettings(),
        QualitySettingsLoader.load(gates),
        7,
        conf,
        Progress.silent());
  }

  /**
   * A configuration folder with the shipped gates and one more check of {@code table}, written as a
   * line of {@code quality.yaml}, e.g. {@code {check: unique, columns: [report_date]}}.
   */
  Path gatesWith(String table, String check) throws IOException {
    String shipped = Files.readString(conf.resolve(QualitySettingsLoader.FILE));
    String heading = "  " + table + ":\n";
    assertThat(shipped).contains(heading);
    Path gates = Files.createTempDirectory("adlake-run-gates");
    Files.writeString(
        gates.resolve(QualitySettingsLoader.FILE),
        shipped.replace(heading, heading + "    - " + check + "\n"));
    return gates;
  }

  /**
   * A SHA-256 of each silver and gold table's rows of one org (every org: null) as JSON, sorted:
   * equal hashes, equal content. Tables without such rows are left out.
   */
  static Map<String, String> content(Lakehouse lakehouse, String org) {
    return content(lakehouse, org, column -> true);
  }

  /** As {@link #content(Lakehouse, String)}, over the columns {@code kept} accepts. */
  static Map<String, String> content(Lakehouse lakehouse, String org, Predicate<String> kept) {
    Map<String, String> out = new LinkedHashMap<>();
    for (TableSpec table : Tables.PUBLISHED) {
      if (lakehouse.exists(table)) {
        Dataset<Row> read =
            org == null
                ? lakehouse.read(table)
                : lakehouse.read(table).filter(col("org_id").equalTo(org));
        Column[] columns =
            Arrays.stream(read.columns()).filter(kept).map(c -> col(c)).toArray(Column[]::new);
        List<Row> rows = read.select(to_json(struct(columns)).as("j")).orderBy("j").collectAsList();
        MessageDigest sha = sha256();
        rows.forEach(r -> sha.update((r.getString(0) + "\n").getBytes(StandardCharsets.UTF_8)));
        if (!rows.isEmpty()) {
          out.put(table.path(), rows.size() + ":" + HexFormat.of().formatHex(sha.digest()));
        }
      }
    }
    return out;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every silver and gold table is unique on exactly its grain. */
  static void assertGrainsUnique(Lakehouse lakehouse) {
    for (TableSpec table : Tables.PUBLISHED) {
      if (lakehouse.exists(table)) {
        assertThat(GrainCheck.check(table.path(), lakehouse.read(table), table.grain()))
            .as(table.path())
            .isEmpty();
      }
    }
  }

  /** The snapshot main shows of each silver and gold table. */
  static Map<String, Long> publishedSnapshots(Lakehouse main) {
    return main.snapshotIds(Tables.PUBLISHED, "main");
  }
}

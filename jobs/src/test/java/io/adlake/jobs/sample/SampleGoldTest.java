package io.adlake.jobs.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.SharedSpark;
import io.adlake.catalog.TableSpec;
import io.adlake.catalog.Tables;
import io.adlake.catalog.landing.LandingScan;
import io.adlake.catalog.landing.LocalLandingStore;
import io.adlake.catalog.org.Org;
import io.adlake.catalog.org.OrgId;
import io.adlake.catalog.org.OrgRegistry;
import io.adlake.catalog.org.SourceOptions;
import io.adlake.jobs.Progress;
import io.adlake.jobs.TestLanding;
import io.adlake.jobs.gold.GoldJob;
import io.adlake.jobs.ingest.IngestJob;
import io.adlake.jobs.silver.SilverJob;
import io.adlake.quality.GrainCheck;
import io.adlake.transforms.gold.qa.QaLibrary;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The sample data reaches every pacing status and every QA check through the real jobs, not only in unit tests. */
@ExtendWith(SharedSpark.class)
class SampleGoldTest {

  @Test
  void theSampleWorldExercisesEveryStatusAndCheck(Lakehouse lakehouse, @TempDir Path root) throws Exception {
    Map<String, SourceOptions> sources = new LinkedHashMap<>();
    for (String s : List.of("dv360", "ttd", "meta", "bookings", "setup", "fx")) {
      sources.put(s, SourceOptions.defaults());
    }
    OrgRegistry orgs = new OrgRegistry(List.of(new Org(OrgId.of("acme"), "Acme", "EUR", "Europe/Berlin", sources)));
    LocalDate start = LocalDate.of(2026, 11, 2);
    int days = 5;
    LocalLandingStore store = new LocalLandingStore();
    new SampleExports(orgs, store, root.toString(), new SampleExports.Settings(start, days, 7L, false)).writeAll();
    LandingScan scan = LandingScan.of(root.toString(), store.list(root.toString()));
    assertThat(new IngestJob(lakehouse, orgs, store, Progress.silent()).run(scan.slices(), scan.rejected()).reconciles()).isTrue();
    new SilverJob(lakehouse, orgs, 7, Progress.silent()).run(start, start.plusDays(days - 1));
    LocalDate asOf = start.plusDays(days - 2);
    new GoldJob(lakehouse, orgs, TestLanding.martSettings(), 7, Progress.silent()).run(asOf, days);

    for (TableSpec gold : List.of(Tables.GOLD_PACING, Tables.GOLD_MARGIN_DAILY, Tables.GOLD_MARGIN_MONTHLY, Tables.GOLD_QA_FINDINGS, Tables.GOLD_TAXONOMY)) {
      assertThat(GrainCheck.check(gold.path(), lakehouse.read(gold), gold.grain())).as(gold.path()).isEmpty();
    }
    List<String> statuses = values(lakehouse, "select distinct status from %s.gold.pacing");
    assertThat(statuses).contains("on_track", "under", "over", "not_started", "ended", "no_budget");
    assertThat(values(lakehouse, "select distinct cast(ahead_by_design as string) from %s.gold.pacing")).contains("true");
    assertThat(values(lakehouse, "select distinct check_id from %s.gold.qa_findings")).containsExactlyInAnyOrderElementsOf(QaLibrary.ids());
    assertThat(values(lakehouse, "select distinct booking_line_id from %s.gold.margin_daily where not is_booked")).hasSize(1);
    List<String> names = values(lakehouse, "select concat(entity_name, ' -> ', coalesce(suggested_name, 'none')) from %s.gold.taxonomy_results where not is_valid");
    assertThat(names).anyMatch(n -> n.contains("CONSIDERATON") && n.contains("CONSIDERATION_"));
    assertThat(names).anyMatch(n -> n.startsWith("UK_ACME_SOCIAL") && n.contains("-> ACME_UK_SOCIAL"));
    assertThat(names).anyMatch(n -> n.contains("_EMEA_") && n.endsWith("-> none"));
    assertThat(names).anyMatch(n -> n.startsWith("acme-"));
  }

  private static List<String> values(Lakehouse lakehouse, String sql) {
    return lakehouse.spark().sql(String.format(sql, lakehouse.catalogName())).collectAsList().stream().map(r -> r.getString(0)).toList();
  }
}

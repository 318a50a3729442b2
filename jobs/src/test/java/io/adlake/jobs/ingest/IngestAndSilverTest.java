package io.adlake.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.SharedSpark;
import io.adlake.catalog.landing.LandingScan;
import io.adlake.catalog.landing.LocalLandingStore;
import io.adlake.catalog.tables.GrainCheck;
import io.adlake.jobs.Progress;
import io.adlake.jobs.TestLanding;
import io.adlake.jobs.gold.GoldJob;
import io.adlake.jobs.silver.SilverJob;
import io.adlake.model.Tables;
import io.adlake.model.org.OrgRegistry;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One landing zone through ingest, re-delivery, restatement and silver, checking the tables at each
 * step.
 */
@ExtendWith(SharedSpark.class)
class IngestAndSilverTest {

  private final OrgRegistry orgs = TestLanding.registry();
  private final LocalLandingStore store = new LocalLandingStore();

  private IngestReport ingest(Lakehouse lakehouse, Path root) throws Exception {
    LandingScan scan = LandingScan.of(root.toString(), store.list(root.toString()));
    return new IngestJob(lakehouse, orgs, store, Progress.silent())
        .run(scan.slices(), scan.rejected());
  }

  @Test
  void ingestSkipsRedeliveryReplacesRestatementAndBuildsSilver(
      Lakehouse lakehouse, @TempDir Path root) throws Exception {
    Path dv360 = TestLanding.build(root);

    IngestReport first = ingest(lakehouse, root);
    assertThat(first.reconciles()).isTrue();
    assertThat(first.count(SliceAction.NEW)).isEqualTo(8);
    assertThat(first.unplaced())
        .singleElement()
        .satisfies(r -> assertThat(r.uri()).endsWith("stray/notes.csv"));
    FileOutcome report =
        first.files().stream()
            .filter(f -> f.format().equals("dv360_delivery"))
            .findFirst()
            .orElseThrow();
    assertThat(report.rowsRead()).isEqualTo(7);
    assertThat(report.rowsAccepted()).isEqualTo(3);
    assertThat(report.rowsQuarantined()).isEqualTo(4);
    assertThat(report.footerLines()).isEqualTo(5);
    // Totals over all files (dv360, meta, bookings, SDF IO, SDF LI, TTD ad groups, Meta ad sets,
    // FX):
    // accepted 3+2+3+2+2+2+5+2, quarantined 4+3+2+1+1+2+4+1.
    assertThat(first.rowsAccepted()).isEqualTo(21);
    assertThat(first.rowsQuarantined()).isEqualTo(18);
    // The first ten quarantined lines, format by format, each format's by file and line.
    assertThat(first.quarantineSamples())
        .containsExactly(
            "OpportunityLineItem.csv:5: flight ends (2026-11-01) before it starts (2026-11-30)",
            "OpportunityLineItem.csv:6: buy type CPM needs a sold rate; 'Sold_Rate__c' is empty",
            "dv360_report.csv:4: column 'Impressions': not a whole number (decimal mark '.'): '12O00'",
            "dv360_report.csv:6: column 'Date': not a date in format yyyy/MM/dd or yyyy-MM-dd: '2026/13/02'",
            "dv360_report.csv:7: column 'Advertiser Currency': unknown currency code 'EUX'",
            "dv360_report.csv:8: expected 14 columns, found 13",
            "eurofxref.csv:4: column 'GBP': not a rate (decimal mark '.'): '0.84x0'",
            "insights.jsonl:3: invalid JSON: Unexpected end-of-input: was expecting closing quote for a string value",
            "insights.jsonl:4: not a daily row: date_start 2026-11-01 != date_stop 2026-11-02",
            "insights.jsonl:5: column 'impressions': not a whole number (decimal mark '.'): 'ten'");
    assertThat(lakehouse.read(Tables.BRONZE_DV360).count()).isEqualTo(3);
    Row bad =
        lakehouse
            .read(Tables.QUARANTINE)
            .filter(col("source").equalTo("dv360").and(col("source_row_number").equalTo(4)))
            .first();
    assertThat(bad.<String>getAs("source_file")).endsWith("acme/dv360/2026-11-03/dv360_report.csv");
    assertThat(bad.<String>getAs("reason"))
        .isEqualTo("column 'Impressions': not a whole number (decimal mark '.'): '12O00'");
    assertThat(bad.<String>getAs("raw_line")).contains("12O00");
    assertThat(bad.<String>getAs("file_checksum")).hasSize(64);

    IngestReport again = ingest(lakehouse, root);
    assertThat(again.count(SliceAction.SKIPPED_DUPLICATE)).isEqualTo(8);
    assertThat(again.rowsRead()).isZero();
    assertThat(lakehouse.read(Tables.BRONZE_DV360).count()).isEqualTo(3);
    assertThat(lakehouse.read(Tables.QUARANTINE).count()).isEqualTo(18);

    // DV360 re-sends the day: two clean rows, the first with more impressions.
    List<String> lines = Files.readAllLines(dv360);
    Files.write(
        dv360, List.of(lines.get(0), lines.get(1).replace(",10000,", ",11000,"), lines.get(2)));
    IngestReport restated = ingest(lakehouse, root);
    assertThat(restated.count(SliceAction.RESTATEMENT)).isEqualTo(1);
    assertThat(
            restated.files().stream()
                .filter(f -> f.action() == SliceAction.RESTATEMENT)
                .findFirst()
                .orElseThrow()
                .replacesBatchId())
        .isEqualTo(first.batchId());
    assertThat(lakehouse.read(Tables.BRONZE_DV360).count()).isEqualTo(2);
    assertThat(
            lakehouse
                .read(Tables.BRONZE_DV360)
                .filter(col("line_item_id").equalTo("3000001"))
                .first()
                .<Long>getAs("impressions"))
        .isEqualTo(11_000L);
    assertThat(lakehouse.read(Tables.QUARANTINE).filter(col("source").equalTo("dv360")).count())
        .isZero();
    assertThat(lakehouse.read(Tables.QUARANTINE).count()).isEqualTo(14);

    SilverJob silver = new SilverJob(lakehouse, orgs, 7, Progress.silent());
    silver.run(LocalDate.parse(TestLanding.DATE));
    var delivery = lakehouse.read(Tables.SILVER_DELIVERY);
    assertThat(GrainCheck.check("silver", delivery, Tables.SILVER_DELIVERY.grain())).isEmpty();
    assertThat(delivery.count())
        .isEqualTo(3); // two DV360 line items and one Meta ad set (two ads summed)

    Row meta = delivery.filter(col("platform").equalTo("meta")).first();
    assertThat(meta.<Long>getAs("impressions")).isEqualTo(1500L);
    // One purchase of 2 reported under four action types (pixel, web, omni, purchase) counts 2, not
    // 8.
    assertThat(meta.<BigDecimal>getAs("conversions")).isEqualByComparingTo("2");
    assertThat(meta.<String>getAs("conversions_counted")).isEqualTo("purchase,lead");
    // 18.00 GBP at 0.85 GBP per EUR on 2 Nov = 21.176471 EUR
    assertThat(meta.<BigDecimal>getAs("media_cost_rc")).isEqualByComparingTo("21.176471");
    assertThat(meta.<String>getAs("timezone")).isEqualTo("Europe/Berlin");
    Row dv = delivery.filter(col("line_item_id").equalTo("3000001")).first();
    assertThat(dv.<Long>getAs("impressions")).isEqualTo(11_000L);
    assertThat(dv.<String>getAs("fx_status")).isEqualTo("same_currency");

    assertThat(lakehouse.read(Tables.SILVER_BOOKINGS).count()).isEqualTo(3);
    Row lineItem =
        lakehouse.read(Tables.SILVER_SETUP).filter(col("entity_id").equalTo("3000001")).first();
    assertThat(lineItem.<Boolean>getAs("flight_inherited")).isTrue();
    assertThat(lineItem.<Date>getAs("flight_end")).isEqualTo(Date.valueOf("2026-11-30"));
    var setup = lakehouse.read(Tables.SILVER_SETUP);
    assertThat(setup.count())
        .isEqualTo(11); // 2 IOs + 2 line items + 2 TTD ad groups + 5 Meta ad sets
    Row gbp = setup.filter(col("entity_id").equalTo("s1")).first();
    assertThat(gbp.<BigDecimal>getAs("budget_amount"))
        .isEqualByComparingTo("2500.00"); // 250000 pence
    assertThat(gbp.<Long>getAs("frequency_cap_exposures")).isEqualTo(3L);
    Row jpy = setup.filter(col("entity_id").equalTo("s2")).first();
    assertThat(jpy.<BigDecimal>getAs("daily_budget_amount"))
        .isEqualByComparingTo("5000"); // yen have no minor unit
    assertThat(jpy.<String>getAs("status")).isEqualTo("Paused");
    assertThat(jpy.<String>getAs("pacing_rate")).isEqualTo("ASAP");
    assertThat(jpy.<Date>getAs("flight_start"))
        .isEqualTo(Date.valueOf("2026-11-01")); // 08:30 in Berlin
    // Meta's own offsets: HUF counts whole forints (ISO says 2 decimals), BHD hundredths (ISO says
    // 3).
    assertThat(
            setup
                .filter(col("entity_id").equalTo("s6"))
                .first()
                .<BigDecimal>getAs("daily_budget_amount"))
        .isEqualByComparingTo("5000");
    assertThat(
            setup.filter(col("entity_id").equalTo("s7")).first().<BigDecimal>getAs("budget_amount"))
        .isEqualByComparingTo("12.34");
    Row campaignBudget = setup.filter(col("entity_id").equalTo("s8")).first();
    assertThat(campaignBudget.<String>getAs("budget_type")).isEqualTo("Campaign");
    assertThat(campaignBudget.<Object>getAs("budget_amount")).isNull();
    Row disabled = setup.filter(col("entity_id").equalTo("ag2")).first();
    assertThat(disabled.<String>getAs("status")).isEqualTo("Paused");
    assertThat(disabled.<String>getAs("platform")).isEqualTo("ttd");

    new GoldJob(lakehouse, orgs, TestLanding.martSettings(), 7, Progress.silent())
        .run(LocalDate.parse(TestLanding.DATE), 7);
    var gold = lakehouse.read(Tables.GOLD_CROSS_PLATFORM);
    assertThat(GrainCheck.check("gold", gold, Tables.GOLD_CROSS_PLATFORM.grain())).isEmpty();
    // DV360 IO 2000001 holds both line items: 11000 + 20000 impressions, 40 + 80 EUR media cost.
    Row io = gold.filter(col("campaign_id").equalTo("2000001")).first();
    assertThat(io.<Long>getAs("impressions")).isEqualTo(31_000L);
    assertThat(io.<BigDecimal>getAs("media_cost")).isEqualByComparingTo("120");
    Row day = lakehouse.read(Tables.GOLD_ORG_DAILY).first();
    assertThat(day.<Long>getAs("impressions")).isEqualTo(32_500L); // 31000 DV360 + 1500 Meta
    assertThat(day.<Long>getAs("platforms")).isEqualTo(2L);

    // Rerunning the date leaves silver's rows as they were, value for value (only the run's own
    // lineage, its batch and time, is new).
    long snapshot = lakehouse.table(Tables.SILVER_DELIVERY).currentSnapshot().snapshotId();
    List<String> before = content(lakehouse.read(Tables.SILVER_DELIVERY));
    silver.run(LocalDate.parse(TestLanding.DATE));
    assertThat(content(lakehouse.read(Tables.SILVER_DELIVERY))).hasSize(3).isEqualTo(before);
    assertThat(lakehouse.table(Tables.SILVER_DELIVERY).currentSnapshot().snapshotId())
        .isNotEqualTo(snapshot);
    assertThat(
            GrainCheck.check(
                "silver", lakehouse.read(Tables.SILVER_DELIVERY), Tables.SILVER_DELIVERY.grain()))
        .isEmpty();

    // A day silver no longer holds leaves every gold table, the summary included.
    lakehouse
        .spark()
        .sql(
            "DELETE FROM "
                + lakehouse.name(Tables.SILVER_DELIVERY)
                + " WHERE report_date = DATE '2026-11-02'");
    new GoldJob(lakehouse, orgs, TestLanding.martSettings(), 7, Progress.silent())
        .run(LocalDate.parse(TestLanding.DATE), 7);
    assertThat(lakehouse.read(Tables.GOLD_CROSS_PLATFORM).count()).isZero();
    assertThat(lakehouse.read(Tables.GOLD_ORG_DAILY).count()).isZero();
  }

  @Test
  void reprocessingAnOlderDeliveryNeverRollsBackANewerRestatement(
      Lakehouse lakehouse, @TempDir Path root) throws Exception {
    String header = Files.readAllLines(TestLanding.FIXTURES.resolve("dv360_report.csv")).get(0);
    String row = "2026/11/02,Acme Brand A,1000001,EUR,IO,2000001,LI,3000001,%d,1,0,1.00,1.00,1.00";
    deliver(root, "2026-11-03", header, String.format(row, 100));
    deliver(root, "2026-11-04", header, String.format(row, 140)); // 2 Nov restated the day after
    ingest(lakehouse, root);

    SilverJob silver = new SilverJob(lakehouse, orgs, 7, Progress.silent());
    silver.run(LocalDate.parse("2026-11-03"), LocalDate.parse("2026-11-04"));
    assertThat(impressionsOn2Nov(lakehouse)).isEqualTo(140L);
    silver.run(LocalDate.parse("2026-11-03")); // a rerun of the older date, e.g. an Airflow clear
    assertThat(impressionsOn2Nov(lakehouse)).isEqualTo(140L);
  }

  /** Each row as JSON, sorted, without the columns a rerun rewrites (its batch id and time). */
  private static List<String> content(Dataset<Row> rows) {
    String[] lineage =
        Arrays.stream(rows.columns())
            .filter(c -> c.endsWith("batch_id") || c.endsWith("_at"))
            .toArray(String[]::new);
    assertThat(rows.columns().length - lineage.length).isGreaterThan(20);
    return rows.drop(lineage).toJSON().collectAsList().stream().sorted().toList();
  }

  private static long impressionsOn2Nov(Lakehouse lakehouse) {
    return lakehouse
        .read(Tables.SILVER_DELIVERY)
        .filter(col("report_date").equalTo(Date.valueOf("2026-11-02")))
        .first()
        .<Long>getAs("impressions");
  }

  private static void deliver(Path root, String date, String header, String row) throws Exception {
    Path dir = Files.createDirectories(root.resolve("acme/dv360/" + date));
    Files.write(dir.resolve("report.csv"), List.of(header, row));
  }
}

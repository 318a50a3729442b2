package io.adlake.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.SharedSpark;
import io.adlake.jobs.run.OrgHolds;
import io.adlake.quality.ConstraintOutcome;
import io.adlake.quality.GateRecords;
import io.adlake.quality.GateReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What {@code adlake quality report} reads of a run, prints, and exits with. */
@ExtendWith(SharedSpark.class)
class QualityReportTest {

  private static final LocalDate FIRST = LocalDate.of(2026, 11, 3);
  private static final LocalDate LAST = LocalDate.of(2026, 11, 4);

  private static final ConstraintOutcome PASSED =
      new ConstraintOutcome(
          "silver.delivery_daily",
          ConstraintOutcome.ALL_ORGS,
          "complete(org_id)",
          "CompletenessConstraint(Completeness(org_id,None,None))",
          "error",
          "success",
          "passed",
          1.0);
  private static final ConstraintOutcome ACME_FAILED =
      new ConstraintOutcome(
          "silver.delivery_daily",
          "acme-media",
          "non_negative(impressions,clicks,conversions,media_cost)",
          "ComplianceConstraint(Compliance(media_cost is non-negative))",
          "error",
          "failure",
          "Value: 0.98 does not meet the constraint requirement!",
          0.98);
  private static final ConstraintOutcome KIWI_WARNING =
      new ConstraintOutcome(
          "silver.delivery_daily",
          "kiwi-retail",
          "anomaly(row_count,rate_of_change)",
          "AnomalyDetector(rate_of_change, row_count)",
          "warning",
          "failure",
          "row count fell by 60%",
          6.0);
  private static final ConstraintOutcome SKIPPED =
      new ConstraintOutcome(
          "silver.delivery_daily",
          "kiwi-retail",
          "anomaly(sum:total_media_cost_rc,band)",
          "AnomalyDetector(band)",
          "warning",
          "skipped",
          "history has 0 of the 7 earlier day(s) needed",
          null);
  private static final ConstraintOutcome TABLE_FAILED =
      new ConstraintOutcome(
          "gold.pacing",
          ConstraintOutcome.ALL_ORGS,
          "grain(org_id,as_of_date)",
          "UniquenessConstraint(Uniqueness(Buffer(org_id, as_of_date)))",
          "error",
          "failure",
          "duplicates",
          0.5);

  @Test
  void aRunThatHeldOrgsListsItsChecksErrorsFirstAndItsHolds(Lakehouse lakehouse) {
    GateRecords.record(
        lakehouse,
        new GateReport(
            "run-1", "silver", List.of(PASSED, SKIPPED, KIWI_WARNING, ACME_FAILED), List.of()));
    OrgHolds holds = new OrgHolds(lakehouse);
    holds.hold(
        "run-1",
        1,
        "silver",
        Map.of(),
        FIRST,
        LAST,
        LAST,
        Map.of("acme-media", List.of(ACME_FAILED), "kiwi-retail", List.of(ACME_FAILED)));
    holds.release("run-2", List.of("kiwi-retail"), LAST);

    RunGateResults results = QualityReportReader.read(lakehouse, "run-1");

    assertThat(results.checks())
        .extracting(GateCheck::outcome)
        .containsExactly(ACME_FAILED, KIWI_WARNING, PASSED, SKIPPED);
    assertThat(results.checks()).extracting(GateCheck::layer).containsOnly("silver");
    assertThat(results.failed()).isEqualTo(2);
    assertThat(results.blocksPublish()).isFalse();
    assertThat(results.held())
        .extracting(HeldOrg::orgId, HeldOrg::stillHeld, HeldOrg::releasedBy)
        .containsExactly(tuple("acme-media", true, null), tuple("kiwi-retail", false, "run-2"));
    assertThat(results.held().get(0))
        .extracting(HeldOrg::layer, HeldOrg::firstDate, HeldOrg::lastDate)
        .containsExactly("silver", FIRST, LAST);
    assertThat(QualityCommand.Report.exitCode(results)).isEqualTo(ExitCodes.ORGS_HELD);

    String reason =
        "silver.delivery_daily non_negative(impressions,clicks,conversions,media_cost): Value: 0.98 does not meet the constraint requirement!";
    assertThat(printed(results, false))
        .isEqualTo(
            String.join(
                "\n",
                "Gate results of run-1",
                "layer   status   level   table                      org            check                              constraint                                           metric  message",
                "silver  failure  error   silver.delivery_daily      acme-media     non_negative(impressions,clicks... ComplianceConstraint(Compliance(media_cost is...     0.9800  Value: 0.98 does not meet the constraint requirement!",
                "silver  failure  warning silver.delivery_daily      kiwi-retail    anomaly(row_count,rate_of_change)  AnomalyDetector(rate_of_change, row_count)            6.000  row count fell by 60%",
                "silver  success  error   silver.delivery_daily      *              complete(org_id)                   CompletenessConstraint(Completeness(org_id,No...      1.000  passed",
                "silver  skipped  warning silver.delivery_daily      kiwi-retail    anomaly(sum:total_media_cost_rc... AnomalyDetector(band)                                        history has 0 of the 7 earlier day(s) needed",
                "4 constraint(s), 2 failed",
                "",
                "Held orgs (none of their rows from this run were published; main keeps their last published rows):",
                "  acme-media           silver gate, deliveries 2026-11-03 to 2026-11-04: still held (its next run retries these deliveries)",
                "    " + reason,
                "  kiwi-retail          silver gate, deliveries 2026-11-03 to 2026-11-04: published since by run-2",
                "    " + reason,
                ""));
    assertThat(printed(results, true).lines().toList())
        .as("--failures leaves out the rest but still counts them")
        .hasSize(11)
        .contains("4 constraint(s), 2 failed")
        .noneMatch(line -> line.contains("success") || line.contains("skipped"));
  }

  @Test
  void aTableWideErrorFailsTheGateAndTheNewestRunIsTheDefault(Lakehouse lakehouse) {
    GateRecords.record(lakehouse, new GateReport("run-1", "silver", List.of(PASSED), List.of()));
    GateRecords.record(
        lakehouse, new GateReport("run-2", "gold", List.of(PASSED, TABLE_FAILED), List.of()));

    assertThat(QualityReportReader.newestRun(lakehouse)).isEqualTo("run-2");
    RunGateResults failed = QualityReportReader.read(lakehouse, "run-2");
    assertThat(failed.held()).as("no run held an org: ops.org_holds does not exist").isEmpty();
    assertThat(failed.blocksPublish()).isTrue();
    assertThat(QualityCommand.Report.exitCode(failed)).isEqualTo(ExitCodes.GATE_FAILED);
    RunGateResults passed = QualityReportReader.read(lakehouse, "run-1");
    assertThat(QualityCommand.Report.exitCode(passed)).isEqualTo(ExitCodes.OK);
    assertThat(QualityReportReader.read(lakehouse, "nosuch").checks()).isEmpty();
  }

  private static String printed(RunGateResults results, boolean failuresOnly) {
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      QualityCommand.Report.print(out, results, failuresOnly);
    }
    return text.toString();
  }
}

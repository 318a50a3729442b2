package io.adlake.jobs.cli;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.SharedSpark;
import io.adlake.transforms.alerts.AlertLifecycle;
import io.adlake.transforms.writeback.WritebackActions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The listings of {@code adlake alerts list} and {@code adlake writeback history}: which rows they
 * read, as what records, and that they print exactly what {@code Dataset.show(n, false)} printed of
 * the same query before.
 */
@ExtendWith(SharedSpark.class)
class OpsListingsTest {

  private static final LocalDate NOV_6 = LocalDate.of(2026, 11, 6);
  private static final LocalDate NOV_7 = LocalDate.of(2026, 11, 7);

  private static final String[] ALERT_COLUMNS = {
    "alert_id",
    "org_id",
    "rule_id",
    "severity",
    "status",
    "platform",
    "entity_type",
    "entity_id",
    "first_seen_date",
    "last_seen_date",
    "proposed_action"
  };
  private static final String[] AUDIT_COLUMNS = {
    "at",
    "actor",
    "authenticated_as",
    "event",
    "outcome",
    "action_id",
    "org_id",
    "platform",
    "entity_id",
    "change",
    "attempt",
    "dry_run",
    "before_state",
    "after_state",
    "message"
  };

  @Test
  void alertsAreFilteredByStatusAndOrgAndListedNewestFirst(SparkSession spark) {
    Dataset<Row> alerts = alerts(spark);

    Page<ListedAlert> open = AlertsListing.read(alerts, "open", null);
    assertThat(open.rows()).extracting(ListedAlert::alertId).containsExactly("a3", "a1", "a4");
    assertThat(open.more()).isFalse();
    assertThat(open.limit()).isEqualTo(AlertsListing.SHOWN);
    assertThat(open.rows().get(0))
        .isEqualTo(
            new ListedAlert(
                "a3",
                "acme-media",
                "behind_plan",
                "medium",
                "open",
                "dv360",
                "line_item",
                "503984072",
                NOV_6,
                NOV_7,
                "set_daily_cap 568.82"));
    assertThat(open.rows().get(2).platform()).as("a booking line has no platform").isNull();

    assertThat(AlertsListing.read(alerts, "open", "kiwi-retail").rows())
        .extracting(ListedAlert::alertId)
        .containsExactly("a4");
    assertThat(AlertsListing.read(alerts, null, "acme-media").rows())
        .extracting(ListedAlert::alertId)
        .containsExactly("a3", "a1", "a2");
    assertThat(AlertsListing.read(alerts, "nosuch", null).rows()).isEmpty();
  }

  @Test
  void alertsPrintAsShowPrintedThem(SparkSession spark) {
    Dataset<Row> alerts = alerts(spark);
    for (String status : new String[] {null, "open", "nosuch"}) {
      Dataset<Row> shown = status == null ? alerts : alerts.filter(col("status").equalTo(status));
      String before =
          shown
              .orderBy(col("last_seen_date").desc(), col("org_id"), col("rule_id"))
              .selectExpr(ALERT_COLUMNS)
              .showString(1000, 0, false);
      assertThat(
              printed(out -> ListedAlert.GRID.print(out, AlertsListing.read(alerts, status, null))))
          .isEqualTo(before + "\n");
    }
  }

  @Test
  void historyIsNewestFirstAndSaysWhenMoreMatchedThanItShows(SparkSession spark) {
    Dataset<Row> log = auditLog(spark);

    Page<AuditEntry> page = AuditHistory.read(log, null, null, 2);
    assertThat(page.rows()).extracting(AuditEntry::event).containsExactly("executed", "approved");
    assertThat(page.more()).isTrue();
    assertThat(page.rows().get(0))
        .isEqualTo(
            new AuditEntry(
                Instant.parse("2026-11-08T09:30:00.123456Z"),
                "airflow",
                "airflow",
                "executed",
                "failed",
                "act1",
                "acme-media",
                "dv360",
                "503984072",
                "set_daily_cap 615.35 USD",
                2,
                false,
                "{\"cap\":500}",
                null,
                "HTTP 503 from the platform\nretried next execute"));
    assertThat(AuditHistory.read(log, null, null, 3).more()).isFalse();
    assertThat(AuditHistory.read(log, "act2", null, 200).rows())
        .extracting(AuditEntry::actionId)
        .containsExactly("act2");
    assertThat(AuditHistory.read(log, null, "acme-media", 200).rows())
        .extracting(AuditEntry::event)
        .containsExactly("executed", "planned");
    assertThat(AuditHistory.read(log, null, null, -5))
        .isEqualTo(new Page<AuditEntry>(List.of(), 0, true));
  }

  @Test
  void historyPrintsAsShowPrintedItAtEveryLimit(SparkSession spark) {
    Dataset<Row> log = auditLog(spark);
    for (int limit : new int[] {200, 3, 2, 1, 0, -1}) {
      String before =
          log.orderBy(col("at").desc()).selectExpr(AUDIT_COLUMNS).showString(limit, 0, false);
      assertThat(
              printed(out -> AuditEntry.GRID.print(out, AuditHistory.read(log, null, null, limit))))
          .as("--limit %d", limit)
          .isEqualTo(before + "\n");
    }
  }

  @Test
  void aGridOfNothingIsItsHeaders(SparkSession spark) {
    Dataset<Row> none = spark.createDataFrame(List.of(), WritebackActions.AUDIT_SCHEMA);
    assertThat(printed(out -> AuditEntry.GRID.print(out, AuditHistory.read(none, null, null, 200))))
        .isEqualTo(none.selectExpr(AUDIT_COLUMNS).showString(200, 0, false) + "\n")
        .startsWith("+---+-----+----------------+-----+-------+");
  }

  private static String printed(Consumer<PrintWriter> print) {
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      print.accept(out);
    }
    return text.toString();
  }

  /**
   * Ties in the listing's order are avoided: Spark orders tied rows as it reads them, so two reads
   * may differ.
   */
  private static Dataset<Row> alerts(SparkSession spark) {
    return spark.createDataFrame(
        List.of(
            alert(
                "a1", "acme-media", "over_budget", "open", NOV_7, NOV_7, "ttd", "6169573", "pause"),
            alert(
                "a2",
                "acme-media",
                "qa_high",
                "resolved",
                NOV_6,
                NOV_6,
                "dv360",
                "503984072/no_recent_delivery",
                null),
            alert(
                "a3",
                "acme-media",
                "behind_plan",
                "open",
                NOV_6,
                NOV_7,
                "dv360",
                "503984072",
                "set_daily_cap 568.82"),
            alert(
                "a4",
                "kiwi-retail",
                "low_margin",
                "open",
                NOV_7,
                NOV_7,
                null,
                "00kRYBNEPtNz8kJ/2026-11-01",
                null)),
        AlertLifecycle.SCHEMA);
  }

  private static Row alert(
      String id,
      String org,
      String rule,
      String status,
      LocalDate first,
      LocalDate last,
      String platform,
      String entity,
      String action) {
    Timestamp seen = Timestamp.from(Instant.parse(last + "T06:00:00Z"));
    return RowFactory.create(
        id,
        rule,
        "v1",
        org,
        "pacing",
        platform,
        platform == null ? "booking_line" : "line_item",
        entity,
        rule.equals("behind_plan") ? "medium" : "high",
        "A title",
        status,
        Date.valueOf(first),
        Date.valueOf(last),
        1,
        seen,
        seen,
        null,
        null,
        null,
        null,
        Map.of("budget", "100"),
        null,
        (BigDecimal) null,
        action,
        null,
        null);
  }

  /**
   * Control characters, wide characters, nulls and timestamps with and without a fraction: what
   * Spark shows specially.
   */
  private static Dataset<Row> auditLog(SparkSession spark) {
    return spark.createDataFrame(
        List.of(
            audit(
                "2026-11-08T07:00:00Z",
                "planned",
                "proposed",
                "act1",
                "acme-media",
                null,
                false,
                null,
                null,
                null),
            audit(
                "2026-11-08T08:15:30.500Z",
                "approved",
                "approved",
                "act2",
                "kiwi-retail",
                null,
                false,
                null,
                null,
                "承認済み\tjane"),
            audit(
                "2026-11-08T09:30:00.123456Z",
                "executed",
                "failed",
                "act1",
                "acme-media",
                2,
                false,
                "{\"cap\":500}",
                null,
                "HTTP 503 from the platform\nretried next execute")),
        WritebackActions.AUDIT_SCHEMA);
  }

  private static Row audit(
      String at,
      String event,
      String outcome,
      String action,
      String org,
      Integer attempt,
      boolean dryRun,
      String before,
      String after,
      String message) {
    return RowFactory.create(
        "audit-" + at,
        Timestamp.from(Instant.parse(at)),
        "airflow",
        action,
        org,
        "dv360",
        "line_item",
        "503984072",
        "set_daily_cap 615.35 USD",
        event,
        attempt,
        dryRun,
        before,
        after,
        outcome,
        message,
        event.equals("planned") ? null : "airflow");
  }
}

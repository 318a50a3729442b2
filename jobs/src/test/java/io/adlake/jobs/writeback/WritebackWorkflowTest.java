package io.adlake.jobs.writeback;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.security.auth.module.UnixSystem;
import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.SharedSpark;
import io.adlake.catalog.tables.TableWrites;
import io.adlake.jobs.Progress;
import io.adlake.jobs.TestLanding;
import io.adlake.jobs.cli.InstalledPlatforms;
import io.adlake.jobs.run.AdlakeProcesses;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import io.adlake.model.config.PlatformEndpoint;
import io.adlake.model.config.WritebackSettings;
import io.adlake.platforms.FakePlatforms;
import io.adlake.platforms.kit.PlatformAccess;
import io.adlake.platforms.writeback.Change;
import io.adlake.platforms.writeback.EntityRef;
import io.adlake.platforms.writeback.EntityState;
import io.adlake.platforms.writeback.PlatformAdapter;
import io.adlake.transforms.alerts.AlertLifecycle;
import io.adlake.transforms.writeback.ActionStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.iceberg.Snapshot;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The write-back workflow end to end against {@link FakePlatforms} (a real HTTP server on 127.0.0.1
 * with each API's shapes): plan from open alerts, maker-checker approval, dry run, execute with a
 * crash between the call and the ledger, drift, rate limit, and an audit log that accounts for
 * every step.
 *
 * <p>The alerts (org acme, reporting currency EUR, approval threshold 1,000 EUR):
 *
 * <ul>
 *   <li>over: dv360 line item 111, pause;
 *   <li>ttd: TTD ad group ag1 (USD, 1 USD = 0.8 EUR), set_daily_cap 2,400 EUR = 3,000 USD: above
 *       the threshold;
 *   <li>meta: Meta ad set as1, set_daily_cap 80 EUR, below it;
 *   <li>drift: Meta ad set as3, set_daily_cap 90 EUR; the data saw a cap of 50, the platform now
 *       has 60;
 *   <li>io: a DV360 insertion order, which write-back does not change;
 *   <li>later: Meta ad set as5, set_daily_cap 70, whose value and alert change in the last test.
 * </ul>
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WritebackWorkflowTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 7);
  private static final String PLANNER = "planner@agency.example";
  private static final String CHECKER = "checker@agency.example";

  private Lakehouse lakehouse;
  private FakePlatforms platforms;
  private WritebackLedger ledger;
  private WritebackSettings settings;

  @BeforeAll
  void seed() throws IOException {
    lakehouse = SharedSpark.newLakehouse();
    ledger = new WritebackLedger(lakehouse);
    platforms = new FakePlatforms();
    platforms.dv360LineItem("42", "111", true, 1_500_000_000L, 0);
    platforms.ttdAdGroup("ag1", true, "5000.0", "USD");
    platforms.metaAdSet("as1", true, 5000, 0);
    platforms.metaAdSet("as3", true, 6000, 0);
    platforms.metaAdSet("as5", true, 5000, 0);
    settings =
        new WritebackSettings(
            Map.of(
                "dv360", endpoint("dv360/v4/", "T_DV360"),
                "ttd", endpoint("ttd/v3/", "T_TTD"),
                "meta", endpoint(FakePlatforms.META_PATH.substring(1), "T_META")),
            new BigDecimal("1000"),
            Map.of(),
            List.of());

    write(
        Tables.ALERTS,
        AlertLifecycle.SCHEMA,
        List.of(
            alert("over", "dv360", "line_item", "111", "pause", null),
            alert("ttd", "ttd", "ad_group", "ag1", "set_daily_cap", "2400"),
            alert("meta", "meta", "ad_set", "as1", "set_daily_cap", "80"),
            alert("drift", "meta", "ad_set", "as3", "set_daily_cap", "90"),
            alert("io", "dv360", "insertion_order", "9", "pause", null),
            alert("later", "meta", "ad_set", "as5", "set_daily_cap", "70")));
    StructType pacing =
        new StructType()
            .add("org_id", DataTypes.StringType)
            .add("as_of_date", DataTypes.DateType)
            .add("entity_type", DataTypes.StringType)
            .add("platform", DataTypes.StringType)
            .add("entity_id", DataTypes.StringType)
            .add("entity_name", DataTypes.StringType)
            .add("reporting_currency", DataTypes.StringType)
            .add("budget_currency", DataTypes.StringType)
            .add("budget_fx_rate", DataTypes.createDecimalType(20, 10));
    write(
        Tables.GOLD_PACING,
        pacing,
        List.of(
            pacingRow("dv360", "line_item", "111", "EUR", "1"),
            pacingRow("ttd", "ad_group", "ag1", "USD", "0.8"),
            pacingRow("meta", "ad_set", "as1", "EUR", "1"),
            pacingRow("meta", "ad_set", "as3", "EUR", "1"),
            pacingRow("meta", "ad_set", "as5", "EUR", "1")));
    StructType setup =
        new StructType()
            .add("org_id", DataTypes.StringType)
            .add("platform", DataTypes.StringType)
            .add("entity_type", DataTypes.StringType)
            .add("entity_id", DataTypes.StringType)
            .add("name", DataTypes.StringType)
            .add("status", DataTypes.StringType)
            .add("budget_amount", DataTypes.createDecimalType(20, 6))
            .add("daily_budget_amount", DataTypes.createDecimalType(20, 6))
            .add("parent_entity_id", DataTypes.StringType)
            .add("budget_type", DataTypes.StringType)
            .add("pacing", DataTypes.StringType);
    write(
        Tables.SILVER_SETUP,
        setup,
        List.of(
            RowFactory.create(
                "acme",
                "dv360",
                "insertion_order",
                "9111",
                "IO",
                "Active",
                new BigDecimal("9000"),
                null,
                "5",
                "Amount",
                "Flight"),
            RowFactory.create(
                "acme",
                "dv360",
                "line_item",
                "111",
                "LI 111",
                "Active",
                new BigDecimal("1500"),
                null,
                "9111",
                "Amount",
                "Flight"),
            RowFactory.create(
                "acme",
                "ttd",
                "ad_group",
                "ag1",
                "AG 1",
                "Active",
                new BigDecimal("5000"),
                null,
                "cag1",
                "Amount",
                "Flight"),
            RowFactory.create(
                "acme",
                "meta",
                "ad_set",
                "as1",
                "AS 1",
                "Active",
                null,
                new BigDecimal("50"),
                "c1",
                "Daily",
                "standard"),
            RowFactory.create(
                "acme",
                "meta",
                "ad_set",
                "as3",
                "AS 3",
                "Active",
                null,
                new BigDecimal("50"),
                "c1",
                "Daily",
                "standard"),
            RowFactory.create(
                "acme",
                "meta",
                "ad_set",
                "as5",
                "AS 5",
                "Active",
                null,
                new BigDecimal("50"),
                "c1",
                "Daily",
                "standard")));
    StructType delivery =
        new StructType()
            .add("org_id", DataTypes.StringType)
            .add("report_date", DataTypes.DateType)
            .add("platform", DataTypes.StringType)
            .add("advertiser_id", DataTypes.StringType)
            .add("campaign_id", DataTypes.StringType)
            .add("line_item_id", DataTypes.StringType);
    write(
        Tables.SILVER_DELIVERY,
        delivery,
        List.of(RowFactory.create("acme", Date.valueOf(DAY), "dv360", "42", "c1", "111")));
  }

  @AfterAll
  void stop() {
    platforms.close();
  }

  @Test
  @Order(1)
  void planRecordsEachProposalOnceAndSaysWhyOthersCannotBeMade() {
    PlanReport first = planner().plan(Actor.of(PLANNER), Instant.parse("2026-11-08T07:00:00Z"));

    assertThat(first.count(ActionStatus.PROPOSED)).isEqualTo(5);
    assertThat(first.blocked())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.reason())
                    .startsWith("write-back changes DV360 line items")
                    .endsWith("not dv360 insertion_order"));
    WritebackAction.Proposal ttd = action("ttd").proposal();
    assertThat(ttd.value()).isEqualByComparingTo("3000.00");
    assertThat(ttd.currency()).isEqualTo("USD");
    assertThat(ttd.valueRc()).isEqualByComparingTo("2400.00");
    assertThat(ttd.needsSecondPerson()).isTrue();
    assertThat(action("meta").proposal().needsSecondPerson()).isFalse();
    assertThat(action("over").proposal().needsSecondPerson())
        .as("pause is no budget change")
        .isFalse();
    assertThat(action("over").target().advertiserId()).isEqualTo("42");
    assertThat(action("drift").proposal().expectedDailyCap()).isEqualByComparingTo("50");

    PlanReport again = planner().plan(Actor.of(PLANNER), Instant.parse("2026-11-08T08:00:00Z"));
    assertThat(again.changed()).as("the idempotency key: nothing is proposed twice").isEmpty();
    assertThat(ledger.actions().count()).isEqualTo(5);
    assertThat(again.pending()).hasSize(5);
    assertThat(platforms.requests).as("plan calls no platform").isEmpty();
  }

  @Test
  @Order(2)
  void aBudgetAboveTheThresholdNeedsSomeoneOtherThanItsPlanner() {
    WritebackDecisions desk = new WritebackDecisions(ledger, settings);
    String ttd = action("ttd").actionId();

    assertThatThrownBy(() -> desk.approve(ttd, Actor.of(PLANNER), null, Instant.now()))
        .isInstanceOf(DecisionRefused.class)
        .hasMessage(
            PLANNER
                + " cannot approve action "
                + ttd
                + ": they planned it, and 2400.00 EUR is above acme's threshold of 1000.00 EUR, so someone else must approve it");
    assertThatThrownBy(
            () -> desk.approve(ttd, Actor.of("  Planner@Agency.example "), null, Instant.now()))
        .as("the same person in other letters")
        .isInstanceOf(DecisionRefused.class);
    assertThat(action("ttd").status()).isEqualTo(ActionStatus.PROPOSED);

    // Who acts is the authenticated principal: mallory may not approve as the checker, and the
    // attempt is audited.
    WhoActs mallory = new WhoActs("mallory", List.of("airflow"));
    ImpersonationRefused refused =
        catchThrowableOfType(() -> mallory.resolve(CHECKER), ImpersonationRefused.class);
    assertThat(refused)
        .hasMessage(
            "'mallory' may not act on behalf of '"
                + CHECKER
                + "': only the delegators in conf/writeback.yaml [airflow] may; the refusal is in the audit log");
    ledger.recordRefusal(List.of(action("ttd")), refused, Instant.now());
    assertThat(action("ttd").status()).isEqualTo(ActionStatus.PROPOSED);
    Row attempt = ledger.auditLog().filter(col("event").equalTo("impersonation_refused")).first();
    assertThat(
            List.of(
                attempt.getAs("actor"),
                attempt.getAs("authenticated_as"),
                attempt.getAs("action_id"),
                attempt.getAs("outcome")))
        .containsExactly("mallory", "mallory", ttd, "refused");
    // A delegator (the Airflow worker) acts for a person; maker-checker judges the person, not the
    // delegator.
    WhoActs airflow = new WhoActs("airflow", List.of("Airflow"));
    assertThatThrownBy(() -> desk.approve(ttd, airflow.resolve(PLANNER), null, Instant.now()))
        .as("the planner through a delegator")
        .isInstanceOf(DecisionRefused.class);
    assertThat(
            desk.approve(ttd, airflow.resolve(CHECKER), "agreed with the client", Instant.now())
                .status())
        .isEqualTo(ActionStatus.APPROVED);
    Row approval =
        ledger
            .auditLog()
            .filter(col("event").equalTo("approved").and(col("action_id").equalTo(ttd)))
            .first();
    assertThat(List.of(approval.getAs("actor"), approval.getAs("authenticated_as")))
        .containsExactly(CHECKER, "airflow");
    WritebackSettings lowered =
        new WritebackSettings(settings.platforms(), new BigDecimal("50"), Map.of(), List.of());
    assertThatThrownBy(
            () ->
                new WritebackDecisions(ledger, lowered)
                    .approve(action("meta").actionId(), Actor.of(PLANNER), null, Instant.now()))
        .as("a threshold lowered after the plan applies")
        .isInstanceOf(DecisionRefused.class)
        .hasMessageContaining("80.00 EUR is above acme's threshold of 50 EUR");
    for (String below : List.of("over", "meta", "drift")) {
      desk.approve(action(below).actionId(), Actor.of(PLANNER), null, Instant.now());
    }
    assertThatThrownBy(() -> desk.approve(ttd, Actor.of(CHECKER), null, Instant.now()))
        .isInstanceOf(DecisionRefused.class)
        .hasMessageContaining("is approved; only a proposed action can be approved");
    assertThatThrownBy(() -> desk.approve("nope", Actor.of(CHECKER), null, Instant.now()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no write-back action with id 'nope'");
    assertThat(action("ttd").decision().by()).isEqualTo(CHECKER);
  }

  @Test
  @Order(3)
  void aDryRunReadsButSendsNothingAndChangesNoAction() {
    ExecuteReport report =
        executor(Function.identity()).execute(false, Actor.of(CHECKER), List.of(), null);

    assertThat(report.dryRun()).isTrue();
    assertThat(report.results())
        .extracting(ExecuteReport.Result::outcome)
        .containsExactlyInAnyOrder("would_apply", "would_apply", "would_apply", "drifted");
    assertThat(platforms.changes()).isEmpty();
    assertThat(ledger.actions().filter(col("status").equalTo(ActionStatus.APPROVED.code())).count())
        .isEqualTo(4);
    assertThat(ledger.auditLog().filter(col("event").equalTo("dry_run")).count()).isEqualTo(4);
  }

  @Test
  @Order(4)
  void ofTwoExecutesThatReadTheSameActionOnlyOneClaimsIt() {
    WritebackAction read = action("over");
    Instant at = Instant.now();

    assertThat(ledger.claim(read, read.executing("first@agency.example", at))).isTrue();
    assertThat(ledger.claim(read, read.executing("second@agency.example", at.plusMillis(1))))
        .as("the row moved on since it was read")
        .isFalse();
    assertThat(action("over").execution().executedBy()).isEqualTo("first@agency.example");
    // Back as approved for the tests that follow: what a claimed attempt does is theirs to show.
    ledger.record(List.of(read), List.of(), "test-unclaim");
  }

  @Test
  @Order(5)
  void aCrashBetweenTheCallAndTheLedgerDoesNotChangeTheEntityTwice() {
    String over = action("over").actionId();
    Function<PlatformAdapter, PlatformAdapter> crashAfterTheCall =
        real ->
            new PlatformAdapter() {
              @Override
              public EntityState read(EntityRef entity) {
                return real.read(entity);
              }

              @Override
              public EntityState apply(EntityRef entity, Change change) {
                real.apply(entity, change);
                throw new SimulatedCrash();
              }
            };

    assertThatThrownBy(
            () -> executor(crashAfterTheCall).execute(true, Actor.of(CHECKER), List.of(over), null))
        .isInstanceOf(SimulatedCrash.class);
    assertThat(action("over").status()).isEqualTo(ActionStatus.EXECUTING);
    assertThat(platforms.changes())
        .containsExactly(
            "PATCH /dv360/v4/advertisers/42/lineItems/111?updateMask=entityStatus Bearer secret-token-123 {\"entityStatus\":\"ENTITY_STATUS_PAUSED\"}");

    ExecuteReport rerun =
        executor(Function.identity()).execute(true, Actor.of(CHECKER), List.of(over), null);

    assertThat(rerun.results())
        .singleElement()
        .satisfies(r -> assertThat(r.outcome()).isEqualTo("confirmed"));
    assertThat(platforms.changes()).as("no second PATCH").hasSize(1);
    WritebackAction done = action("over");
    assertThat(done.status()).isEqualTo(ActionStatus.DONE);
    assertThat(done.execution().attempts()).isEqualTo(2);
    assertThat(done.execution().afterState())
        .isEqualTo(
            "{\"active\":false,\"budget\":\"1500.00\",\"daily_cap\":null,\"daily_cap_applies\":false,\"parent_active\":true}");
  }

  @Test
  @Order(6)
  void executeMakesTheApprovedChangesSkipsADriftedOneAndKeepsToTheRateLimit() {
    // Meta throttles with an error code in the body on HTTP 400, and says in a usage header when to
    // come back.
    platforms.metaErrors.add(17);
    int before = platforms.requests.size();

    ExecuteReport report =
        executor(Function.identity()).execute(true, Actor.of(CHECKER), List.of(), null);

    assertThat(report.results())
        .extracting(r -> r.action().target().entityId() + " " + r.outcome())
        .containsExactlyInAnyOrder("ag1 applied", "as1 applied", "as3 drifted");
    assertThat(report.allSettled()).isTrue();
    assertThat(
            platforms
                .entities
                .get("ttd/ag1")
                .path("RTBAttributes")
                .path("BudgetSettings")
                .path("AdGroupFlights")
                .get(0)
                .path("DailyTargetInAdvertiserCurrency")
                .decimalValue())
        .isEqualByComparingTo("3000.00");
    assertThat(platforms.entities.get("meta/as1").path("daily_budget").asText()).isEqualTo("8000");
    assertThat(platforms.entities.get("meta/as3").path("daily_budget").asText())
        .as("drifted: untouched")
        .isEqualTo("6000");
    assertThat(action("drift").execution().message())
        .startsWith("the daily cap is 60.00, the plan saw 50.00; nothing sent");
    // meta: read as1 (error 17, then again), change as1, read as1 (Meta's answer is {success}),
    // read as3: each at least 200 ms after the last
    List<Long> metaTimes = new ArrayList<>();
    for (int i = before; i < platforms.requests.size(); i++) {
      if (platforms.requests.get(i).contains("/meta/")) {
        metaTimes.add(platforms.times.get(i));
      }
    }
    assertThat(metaTimes).as("the first read answered error 17 and was sent again").hasSize(5);
    assertThat((metaTimes.get(1) - metaTimes.get(0)) / 1_000_000)
        .as("waited the ad account's reset_time_duration of 1 s")
        .isGreaterThanOrEqualTo(1000);
    // The server stamps a request when it has read it, so one gap can look a little shorter than
    // the client's
    // spacing when the machine is busy; the span of the four after the retry cannot.
    for (int i = 2; i < metaTimes.size(); i++) {
      assertThat((metaTimes.get(i) - metaTimes.get(i - 1)) / 1_000_000)
          .as("meta request %d waited for the rate limit", i)
          .isGreaterThanOrEqualTo(150);
    }
    assertThat((metaTimes.get(4) - metaTimes.get(1)) / 1_000_000)
        .as("three intervals of 200 ms")
        .isGreaterThanOrEqualTo(590);

    ExecuteReport nothingLeft =
        executor(Function.identity()).execute(true, Actor.of(CHECKER), List.of(), null);
    assertThat(nothingLeft.results()).isEmpty();
  }

  @Test
  @Order(7)
  void planSupersedesAChangedValueAndWithdrawsWhatAResolvedAlertProposed() {
    lakehouse
        .spark()
        .sql(
            "UPDATE "
                + lakehouse.name(Tables.ALERTS)
                + " SET action_value = 75 WHERE alert_id = 'later'");
    String old = action("later").actionId();
    PlanReport report = planner().plan(Actor.of(PLANNER), Instant.parse("2026-11-09T07:00:00Z"));
    assertThat(report.count(ActionStatus.SUPERSEDED)).isEqualTo(1);
    assertThat(report.count(ActionStatus.PROPOSED)).isEqualTo(1);
    WritebackAction superseded = ledger.find(old).orElseThrow();
    assertThat(superseded.status()).isEqualTo(ActionStatus.SUPERSEDED);
    String newer = superseded.supersededBy();
    assertThat(ledger.find(newer).orElseThrow().proposal().value()).isEqualByComparingTo("75");

    lakehouse
        .spark()
        .sql(
            "UPDATE "
                + lakehouse.name(Tables.ALERTS)
                + " SET status = 'resolved' WHERE alert_id = 'later'");
    PlanReport resolved = planner().plan(Actor.of(PLANNER), Instant.parse("2026-11-10T07:00:00Z"));
    assertThat(resolved.changed())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.actionId()).isEqualTo(newer);
              assertThat(r.status()).isEqualTo(ActionStatus.WITHDRAWN);
            });
    assertThatThrownBy(
            () ->
                new WritebackDecisions(ledger, settings)
                    .approve(newer, Actor.of(CHECKER), null, Instant.now()))
        .isInstanceOf(DecisionRefused.class);
  }

  @Test
  @Order(8)
  void theAuditLogIsAppendOnlyAndAccountsForEveryStepOfEveryAction() {
    List<Row> audit = ledger.auditLog().orderBy("at").collectAsList();
    for (Row action : ledger.actions().collectAsList()) {
      String id = action.getAs("action_id");
      List<Row> events = audit.stream().filter(a -> id.equals(a.getAs("action_id"))).toList();
      List<String> eventNames = events.stream().map(a -> (String) a.getAs("event")).toList();
      String status = action.getAs("status");
      assertThat(eventNames).as("action %s", id).contains("planned");
      List<Integer> started =
          events.stream()
              .filter(a -> "execution_started".equals(a.getAs("event")))
              .map(a -> (Integer) a.getAs("attempt"))
              .toList();
      List<Integer> executed =
          events.stream()
              .filter(a -> "executed".equals(a.getAs("event")))
              .map(a -> (Integer) a.getAs("attempt"))
              .toList();
      int attempts = action.getAs("attempts");
      assertThat(started)
          .as("every attempt of %s is recorded before its call", id)
          .hasSize(attempts)
          .doesNotHaveDuplicates();
      assertThat(started).containsAll(executed);
      if (attempts > 0 && !ActionStatus.EXECUTING.code().equals(status)) {
        assertThat(executed).as("the last attempt of %s has its result", id).contains(attempts);
      }
      if (List.of(ActionStatus.DONE.code(), ActionStatus.SKIPPED.code()).contains(status)) {
        Row last = events.get(events.size() - 1);
        assertThat((String) last.getAs("outcome")).isEqualTo(action.getAs("outcome"));
        assertThat((String) last.getAs("before_state")).isNotNull();
        assertThat(eventNames).contains("approved");
      }
    }
    assertThat(audit)
        .allSatisfy(
            a -> {
              assertThat((String) a.getAs("actor")).isNotBlank();
              assertThat(a.toString()).doesNotContain(FakePlatforms.TOKEN);
            });
    // "over": planned, approved, dry run, attempt 1 started (then the crash), attempt 2 started and
    // confirmed
    assertThat(
            audit.stream()
                .filter(a -> a.getAs("action_id").equals(action("over").actionId()))
                .map(a -> a.getAs("event") + "/" + a.getAs("outcome"))
                .toList())
        .containsExactly(
            "planned/proposed",
            "approved/approved",
            "dry_run/would_apply",
            "execution_started/started",
            "execution_started/started",
            "executed/confirmed");
    for (Snapshot snapshot : lakehouse.table(Tables.AUDIT_LOG).snapshots()) {
      assertThat(snapshot.operation())
          .as("snapshot %d of ops.audit_log", snapshot.snapshotId())
          .isEqualTo("append");
    }
  }

  @Test
  @Order(9)
  void twoExecuteProcessesAtOnceCallThePlatformOnceForAnAction() throws Exception {
    // An approved pause of line item 111, which is active again on the platform: a copy of "over"
    // under a new id.
    platforms.dv360LineItem("42", "111", true, 1_500_000_000L, 0);
    Row over = ledger.actions().filter(col("action_id").equalTo(action("over").actionId())).first();
    Object[] values = new Object[over.length()];
    for (int i = 0; i < values.length; i++) {
      values[i] = over.get(i);
    }
    StructType schema = over.schema();
    values[schema.fieldIndex("action_id")] = "race0000000000000000000a";
    values[schema.fieldIndex("status")] = ActionStatus.APPROVED.code();
    values[schema.fieldIndex("attempts")] = 0;
    for (String reset :
        List.of(
            "executed_by",
            "last_attempt_at",
            "before_state",
            "after_state",
            "outcome",
            "message")) {
      values[schema.fieldIndex(reset)] = null;
    }
    WritebackAction race = WritebackAction.fromRow(new GenericRowWithSchema(values, schema));
    ledger.record(List.of(race), List.of(), "test-race");
    int changesBefore = platforms.changes().size();

    // Two real `adlake writeback execute --apply` processes on this catalog, started together.
    Path dir = Files.createTempDirectory("adlake-execute-race");
    Path conf = Files.createDirectories(dir.resolve("conf"));
    String catalog = lakehouse.name(Tables.ALERTS).split("\\.")[0];
    String prefix = "spark.sql.catalog." + catalog;
    Files.writeString(
        conf.resolve("adlake.yaml"),
        String.join(
            "\n",
            "default_profile: race",
            "defaults: {catalog: {name: " + catalog + "}}",
            "profiles:",
            "  race:",
            "    data_dir: " + dir,
            "    landing: " + dir.resolve("landing"),
            "    catalog: {type: jdbc, uri: '"
                + lakehouse.spark().conf().get(prefix + ".uri")
                + "', warehouse: '"
                + lakehouse.spark().conf().get(prefix + ".warehouse")
                + "'}",
            "    spark: {master: 'local[1]', shuffle_partitions: 2, conf: {spark.sql.adaptive.enabled: 'false'}}",
            ""));
    TestLanding.registry().save(conf.resolve("orgs.yaml"));
    Files.writeString(
        conf.resolve("writeback.yaml"),
        String.join(
            "\n",
            "approval_threshold: 1000",
            "platforms:",
            "  dv360: {base_url: '"
                + platforms.base.resolve("dv360/v4/")
                + "', token_env: T_DV360, min_interval_millis: 0, attempts: 3, backoff_millis: 20, max_backoff_millis: 100}",
            ""));
    List<String> args =
        List.of(
            "writeback",
            "execute",
            "--apply",
            "--action",
            race.actionId(),
            "--conf-dir",
            conf.toString(),
            "--quiet");
    Process first =
        AdlakeProcesses.launch(dir, "first", Map.of("T_DV360", FakePlatforms.TOKEN), args);
    Process second =
        AdlakeProcesses.launch(dir, "second", Map.of("T_DV360", FakePlatforms.TOKEN), args);
    assertThat(AdlakeProcesses.finish(first, dir, "first"))
        .as(AdlakeProcesses.tail(dir, "first"))
        .isZero();
    assertThat(AdlakeProcesses.finish(second, dir, "second"))
        .as(AdlakeProcesses.tail(dir, "second"))
        .isZero();

    lakehouse.spark().catalog().refreshTable(lakehouse.name(Tables.WRITEBACK_ACTIONS));
    lakehouse.spark().catalog().refreshTable(lakehouse.name(Tables.AUDIT_LOG));
    assertThat(platforms.changes().subList(changesBefore, platforms.changes().size()))
        .as("one PATCH for the action, whichever process made it")
        .containsExactly(
            "PATCH /dv360/v4/advertisers/42/lineItems/111?updateMask=entityStatus Bearer secret-token-123 {\"entityStatus\":\"ENTITY_STATUS_PAUSED\"}");
    WritebackAction done = ledger.find(race.actionId()).orElseThrow();
    assertThat(done.status()).isEqualTo(ActionStatus.DONE);
    assertThat(done.execution().attempts()).isEqualTo(1);
    String os = new UnixSystem().getUsername();
    assertThat(done.execution().executedBy()).as("the OS user the processes ran as").isEqualTo(os);
    List<Row> events =
        ledger.auditLog().filter(col("action_id").equalTo(race.actionId())).collectAsList();
    assertThat(events)
        .extracting(r -> r.getAs("event") + "/" + r.getAs("outcome"))
        .containsExactlyInAnyOrder("execution_started/started", "executed/applied");
    // The loser either found the action claimed (and says so) or found it already done and had
    // nothing to execute.
    String logs = AdlakeProcesses.tail(dir, "first") + AdlakeProcesses.tail(dir, "second");
    assertThat(
            logs.contains("claimed_elsewhere")
                || logs.contains("0 approved action(s)")
                || logs.contains("nothing to execute"))
        .as(logs)
        .isTrue();
  }

  private WritebackPlanner planner() {
    return new WritebackPlanner(ledger, TestLanding.registry(), settings, Progress.silent());
  }

  private WritebackExecutor executor(Function<PlatformAdapter, PlatformAdapter> wrap) {
    PlatformAdapters adapters =
        new PlatformAdapters(
            settings,
            new PlatformAccess(
                InstalledPlatforms.kits(),
                name -> name.startsWith("T_") ? FakePlatforms.TOKEN : null,
                Clock.systemUTC()));
    return new WritebackExecutor(
        ledger,
        (org, platform) -> wrap.apply(adapters.forOrg(org, platform)),
        Progress.silent(),
        Clock.systemUTC());
  }

  private WritebackAction action(String alertId) {
    return WritebackAction.fromRow(
        ledger
            .actions()
            .filter(col("alert_id").equalTo(alertId))
            .orderBy(col("planned_at").desc())
            .first());
  }

  private PlatformEndpoint endpoint(String path, String tokenEnv) {
    return new PlatformEndpoint(platforms.base.resolve(path), tokenEnv, 3, 200L, 20L, 100L);
  }

  private void write(TableSpec table, StructType schema, List<Row> rows) {
    lakehouse.ensure(table, schema);
    TableWrites.append(lakehouse, table, lakehouse.spark().createDataFrame(rows, schema), "seed");
  }

  private static Row pacingRow(
      String platform, String type, String id, String currency, String rate) {
    return RowFactory.create(
        "acme",
        Date.valueOf(DAY),
        type,
        platform,
        id,
        "name of " + id,
        "EUR",
        currency,
        new BigDecimal(rate));
  }

  private static Row alert(
      String id, String platform, String type, String entityId, String action, String value) {
    Timestamp seen = Timestamp.from(Instant.parse("2026-11-08T06:00:00Z"));
    BigDecimal amount = value == null ? null : new BigDecimal(value);
    return RowFactory.create(
        id,
        "rule_" + id,
        "v1",
        "acme",
        "pacing",
        platform,
        type,
        entityId,
        "high",
        "A title",
        AlertLifecycle.OPEN,
        Date.valueOf(DAY),
        Date.valueOf(DAY),
        1,
        seen,
        seen,
        null,
        null,
        null,
        null,
        Map.of("x", "1"),
        action,
        amount,
        amount == null ? action : action + " " + value,
        null,
        null);
  }

  /** Stands for the process dying: nothing in the executor catches an Error. */
  private static final class SimulatedCrash extends Error {}
}

package io.adlake.jobs.writeback;

import static org.apache.spark.sql.functions.col;

import io.adlake.catalog.Lakehouse;
import io.adlake.jobs.Progress;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import io.adlake.model.config.WritebackSettings;
import io.adlake.model.org.OrgRegistry;
import io.adlake.transforms.writeback.ActionStatus;
import io.adlake.transforms.writeback.WritebackActions;
import io.adlake.transforms.writeback.WritebackPlan;
import io.adlake.transforms.writeback.WritebackProposals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code adlake writeback plan}: turns the actions the open alerts propose into {@code
 * ops.writeback_actions} (idempotently: planning twice proposes nothing twice), supersedes and
 * withdraws pending ones their alerts no longer propose, and audits every change. It reads only the
 * lakehouse and calls no platform.
 */
public final class WritebackPlanner {
  private static final StructType THRESHOLDS =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("approval_threshold", WritebackActions.MONEY);

  private final WritebackLedger ledger;
  private final OrgRegistry orgs;
  private final WritebackSettings settings;
  private final Progress progress;

  public WritebackPlanner(
      WritebackLedger ledger, OrgRegistry orgs, WritebackSettings settings, Progress progress) {
    this.ledger = ledger;
    this.orgs = orgs;
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * @param by who plans: the requester maker-checker compares approvers with
   */
  public PlanReport plan(Actor by, Instant at) {
    Lakehouse lakehouse = ledger.lakehouse();
    for (TableSpec needed :
        List.of(Tables.ALERTS, Tables.GOLD_PACING, Tables.SILVER_SETUP, Tables.SILVER_DELIVERY)) {
      if (!lakehouse.exists(needed)) {
        throw new IllegalStateException(
            "nothing to plan from: "
                + needed.path()
                + " does not exist (run the pipeline and 'adlake alerts' first)");
      }
    }
    Map<String, BigDecimal> byOrg = new HashMap<>();
    orgs.orgs()
        .forEach(org -> byOrg.put(org.id().value(), settings.thresholdFor(org.id().value())));
    List<Row> thresholds =
        byOrg.entrySet().stream().map(e -> RowFactory.create(e.getKey(), e.getValue())).toList();
    Dataset<Row> proposals =
        WritebackProposals.from(
                lakehouse.read(Tables.ALERTS),
                lakehouse.read(Tables.GOLD_PACING),
                lakehouse.read(Tables.SILVER_SETUP),
                lakehouse.read(Tables.SILVER_DELIVERY),
                lakehouse.spark().createDataFrame(thresholds, THRESHOLDS),
                at,
                by.name())
            .localCheckpoint();
    List<WritebackAction> changed =
        WritebackPlan.next(ledger.actions(), proposals, at).collectAsList().stream()
            .map(WritebackAction::fromRow)
            .toList();
    List<AuditEvent> audit = new ArrayList<>();
    for (WritebackAction action : changed) {
      String event = action.status() == ActionStatus.PROPOSED ? "planned" : action.status().code();
      audit.add(
          AuditEvent.of(action, event, by, at)
              .withOutcome(action.status().code(), action.execution().message()));
    }
    ledger.record(changed, audit, "writeback-plan-" + at.toEpochMilli());
    List<PlanReport.Blocked> blocked =
        proposals
            .filter(col("blocked_reason").isNotNull())
            .orderBy("org_id", "platform", "entity_id")
            .collectAsList()
            .stream()
            .map(PlanReport.Blocked::fromProposal)
            .toList();
    List<WritebackAction> pending =
        ledger
            .actions()
            .filter(col("status").isin(ActionStatus.codes(ActionStatus.PENDING).toArray()))
            .orderBy("org_id", "platform", "entity_id", "change_type")
            .collectAsList()
            .stream()
            .map(WritebackAction::fromRow)
            .toList();
    progress.step(
        "writeback plan: "
            + changed.size()
            + " change(s) to ops.writeback_actions, "
            + pending.size()
            + " pending, "
            + blocked.size()
            + " not actionable");
    return new PlanReport(changed, blocked, pending, byOrg);
  }
}

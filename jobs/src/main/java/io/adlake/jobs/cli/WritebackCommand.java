package io.adlake.jobs.cli;

import static org.apache.spark.sql.functions.col;

import io.adlake.jobs.writeback.ExecuteReport;
import io.adlake.jobs.writeback.PlanReport;
import io.adlake.jobs.writeback.WritebackAction;
import io.adlake.jobs.writeback.WritebackDecisions;
import io.adlake.jobs.writeback.WritebackExecutor;
import io.adlake.jobs.writeback.WritebackPlanner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "writeback",
    description = {
      "Change campaigns on their platforms from what the alert rules propose: plan, approve, execute, audited.",
      "",
      "  plan      the actions the open alerts propose (conf/alerts.yaml 'action') into ops.writeback_actions.",
      "            Planning again proposes nothing twice; a newer value supersedes a pending action, and an",
      "            action whose alert closed is withdrawn. Calls no platform.",
      "  approve   a person approves a proposed action. A budget or daily cap above the org's threshold",
      "            (conf/writeback.yaml) needs someone other than who planned it (maker-checker).",
      "  reject    a person rejects a proposed or approved action.",
      "  execute   the approved actions: re-read each entity, skip it if it already matches or was changed",
      "            meanwhile, else send the change. DRY RUN unless --apply: then nothing is sent.",
      "  history   the append-only audit log: who did what, when, before and after, and the outcome.",
      "",
      "DV360 line items (API v4), TTD ad groups (API v3) and Meta ad sets (Marketing API) are supported; tokens",
      "come from the environment variables conf/writeback.yaml names.",
      "",
      "Examples:",
      "  adlake writeback plan --by ops-lead@agency.example",
      "  adlake writeback approve 3f2a9c0d1e4b5a6c7d8e9f01 --by jane@agency.example --note 'agreed with client'",
      "  adlake writeback execute --by jane@agency.example                 # dry run: what would change",
      "  ADLAKE_DV360_TOKEN=... adlake writeback execute --apply --by jane@agency.example",
      "  adlake writeback history --action 3f2a9c0d1e4b5a6c7d8e9f01"
    },
    subcommands = {
      WritebackCommand.Plan.class,
      WritebackCommand.Approve.class,
      WritebackCommand.Reject.class,
      WritebackCommand.Execute.class,
      WritebackCommand.History.class
    },
    footer = ExitCodes.DESCRIPTION,
    mixinStandardHelpOptions = true)
final class WritebackCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    throw common.usageError("name a step: plan, approve, reject, execute or history");
  }

  @Command(name = "plan", description = "Record the actions the open alerts propose; print every pending action.", footer = ExitCodes.DESCRIPTION, mixinStandardHelpOptions = true)
  static final class Plan implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--by", required = true, description = "Who plans (recorded as the requester; they cannot approve changes above the threshold).")
    String by;

    @Override
    public Integer call() {
      if (by.isBlank()) {
        throw common.usageError("--by names who plans; maker-checker compares it with the approver");
      }
      try (CommandContext context = new CommandContext(common, "adlake-writeback")) {
        WritebackPlanner planner = context.writebackPlanner();
        PlanReport report;
        try {
          report = planner.plan(by.strip(), Instant.now());
        } catch (IllegalStateException e) {
          throw new InputException(e.getMessage());
        }
        report.print(System.out);
        return ExitCodes.OK;
      }
    }
  }

  /** What a decision names: the action, who decides, and why. */
  static final class DecisionOptions {
    @Parameters(paramLabel = "ACTION_ID", description = "As 'adlake writeback plan' prints it.")
    String actionId;

    @Option(names = "--by", required = true, description = "Who decides (recorded).")
    String by;

    @Option(names = "--note", description = "Why (recorded).")
    String note;

    WritebackAction decide(CommonOptions common, WritebackDecision decision) {
      try (CommandContext context = new CommandContext(common, "adlake-writeback")) {
        return decision.make(context.writebackDecisions(), actionId, by, note, Instant.now());
      } catch (IllegalArgumentException e) {
        throw new InputException(e.getMessage());
      }
    }
  }

  interface WritebackDecision {
    WritebackAction make(WritebackDecisions desk, String actionId, String by, String note, Instant at);
  }

  @Command(name = "approve", description = "Approve a proposed action.", footer = ExitCodes.DESCRIPTION, mixinStandardHelpOptions = true)
  static final class Approve implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin DecisionOptions decision;

    @Override
    public Integer call() {
      WritebackAction decided = decision.decide(common, WritebackDecisions::approve);
      System.out.println("action " + decided.actionId() + " approved by " + decided.decision().by() + "; 'adlake writeback execute' makes it (dry run unless --apply)");
      return ExitCodes.OK;
    }
  }

  @Command(name = "reject", description = "Reject a proposed or approved action; it is never executed.", footer = ExitCodes.DESCRIPTION, mixinStandardHelpOptions = true)
  static final class Reject implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin DecisionOptions decision;

    @Override
    public Integer call() {
      WritebackAction decided = decision.decide(common, WritebackDecisions::reject);
      System.out.println("action " + decided.actionId() + " rejected by " + decided.decision().by());
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "execute",
      description = {
        "Make the approved actions (and finish any an interrupted execute left 'executing'). Without --apply this",
        "is a dry run: entities are read, nothing is changed, and the audit log says what would have been done.",
        "A failed action is tried again by the next execute, at most 3 attempts in all."
      },
      footer = ExitCodes.DESCRIPTION,
      mixinStandardHelpOptions = true)
  static final class Execute implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--apply", description = "Send the changes. Without it nothing is sent.")
    boolean apply;

    @Option(names = "--by", required = true, description = "Who executes (recorded).")
    String by;

    @Option(names = "--action", paramLabel = "ACTION_ID", description = "Only these actions (repeatable).")
    List<String> actions = new ArrayList<>();

    @Option(names = "--org", description = "Only this org's actions.")
    String org;

    @Override
    public Integer call() {
      if (by.isBlank()) {
        throw common.usageError("--by names who executes; it is recorded with every change");
      }
      try (CommandContext context = new CommandContext(common, "adlake-writeback")) {
        WritebackExecutor executor = context.writebackExecutor();
        ExecuteReport report = executor.execute(apply, by.strip(), actions, org);
        report.print(System.out);
        return report.dryRun() || report.allSettled() ? ExitCodes.OK : ExitCodes.NOT_EXECUTED;
      }
    }
  }

  @Command(name = "history", description = "Print the audit log, newest first.", footer = ExitCodes.DESCRIPTION, mixinStandardHelpOptions = true)
  static final class History implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--action", paramLabel = "ACTION_ID", description = "Only this action.")
    String action;

    @Option(names = "--org", description = "Only this org.")
    String org;

    @Option(names = "--limit", description = "At most this many rows (default: ${DEFAULT-VALUE}).", defaultValue = "200")
    int limit;

    @Override
    public Integer call() {
      try (CommandContext context = new CommandContext(common, "adlake-writeback")) {
        Dataset<Row> log = context.writebackLedger().auditLog();
        if (action != null) {
          log = log.filter(col("action_id").equalTo(action));
        }
        if (org != null) {
          log = log.filter(col("org_id").equalTo(org));
        }
        log.orderBy(col("at").desc())
            .select("at", "actor", "event", "outcome", "action_id", "org_id", "platform", "entity_id", "change", "attempt", "dry_run", "before_state", "after_state", "message")
            .show(limit, false);
        return ExitCodes.OK;
      }
    }
  }
}

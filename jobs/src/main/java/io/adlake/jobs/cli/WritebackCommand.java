package io.adlake.jobs.cli;

import io.adlake.jobs.writeback.Actor;
import io.adlake.jobs.writeback.ExecuteReport;
import io.adlake.jobs.writeback.ImpersonationRefused;
import io.adlake.jobs.writeback.PlanReport;
import io.adlake.jobs.writeback.WritebackAction;
import io.adlake.jobs.writeback.WritebackDecisions;
import io.adlake.jobs.writeback.WritebackExecutor;
import io.adlake.jobs.writeback.WritebackPlanner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
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
      "Who acts is the operating-system user the command runs as, recorded in every action and audit row. Only a",
      "user listed under 'delegators' in conf/writeback.yaml (the Airflow worker's, say) may act for a named",
      "person with --on-behalf-of; anyone else who tries is refused (exit 10) and the attempt is audited.",
      "",
      "Examples:",
      "  adlake writeback plan",
      "  adlake writeback approve 3f2a9c0d1e4b5a6c7d8e9f01 --note 'agreed with client'",
      "  adlake writeback execute                                          # dry run: what would change",
      "  ADLAKE_DV360_TOKEN=... adlake writeback execute --apply",
      "  adlake writeback approve 3f2a9c0d1e4b5a6c7d8e9f01 --on-behalf-of jane   # as a delegator only",
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

  /**
   * Whom a write-back step is done for. The principal is the process's OS user; naming another
   * person is for delegators only, and a refused attempt is audited against the actions it named or
   * would have taken.
   */
  static final class ActorOptions {
    @Option(
        names = "--on-behalf-of",
        paramLabel = "PERSON",
        description =
            "Act for this person (recorded as the actor, with you as the authenticated principal). Only the delegators in conf/writeback.yaml may.")
    String onBehalfOf;

    Actor actor(CommandContext context, Supplier<List<WritebackAction>> concerned) {
      try {
        return context.whoActs().resolve(onBehalfOf);
      } catch (ImpersonationRefused refused) {
        context.writebackLedger().recordRefusal(concerned.get(), refused, Instant.now());
        throw refused;
      }
    }
  }

  @Command(
      name = "plan",
      description = "Record the actions the open alerts propose; print every pending action.",
      footer = ExitCodes.DESCRIPTION,
      mixinStandardHelpOptions = true)
  static final class Plan implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin ActorOptions who;

    @Override
    public Integer call() {
      try (CommandContext context = new CommandContext(common, "adlake-writeback")) {
        // A refused plan has no actions yet to audit against; it is refused before anything is
        // proposed.
        Actor actor = who.actor(context, List::of);
        WritebackPlanner planner = context.writebackPlanner();
        PlanReport report;
        try {
          report = planner.plan(actor, Instant.now());
        } catch (IllegalStateException e) {
          throw new InputException(e.getMessage());
        }
        report.print(common.out());
        return ExitCodes.OK;
      }
    }
  }

  /** What a decision names: the action, who decides, and why. */
  static final class DecisionOptions {
    @Parameters(paramLabel = "ACTION_ID", description = "As 'adlake writeback plan' prints it.")
    String actionId;

    @Option(names = "--note", description = "Why (recorded).")
    String note;

    @Mixin ActorOptions who;

    WritebackAction decide(CommonOptions common, WritebackDecision decision) {
      try (CommandContext context = new CommandContext(common, "adlake-writeback")) {
        Actor actor =
            who.actor(context, () -> context.writebackLedger().find(actionId).stream().toList());
        return decision.make(context.writebackDecisions(), actionId, actor, note, Instant.now());
      } catch (IllegalArgumentException e) {
        throw new InputException(e.getMessage());
      }
    }
  }

  interface WritebackDecision {
    WritebackAction make(
        WritebackDecisions desk, String actionId, Actor by, String note, Instant at);
  }

  @Command(
      name = "approve",
      description = "Approve a proposed action.",
      footer = ExitCodes.DESCRIPTION,
      mixinStandardHelpOptions = true)
  static final class Approve implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin DecisionOptions decision;

    @Override
    public Integer call() {
      WritebackAction decided = decision.decide(common, WritebackDecisions::approve);
      common
          .out()
          .println(
              "action "
                  + decided.actionId()
                  + " approved by "
                  + decided.decision().by()
                  + "; 'adlake writeback execute' makes it (dry run unless --apply)");
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "reject",
      description = "Reject a proposed or approved action; it is never executed.",
      footer = ExitCodes.DESCRIPTION,
      mixinStandardHelpOptions = true)
  static final class Reject implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin DecisionOptions decision;

    @Override
    public Integer call() {
      WritebackAction decided = decision.decide(common, WritebackDecisions::reject);
      common
          .out()
          .println("action " + decided.actionId() + " rejected by " + decided.decision().by());
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

    @Option(
        names = "--action",
        paramLabel = "ACTION_ID",
        description = "Only these actions (repeatable).")
    List<String> actions = new ArrayList<>();

    @Option(names = "--org", description = "Only this org's actions.")
    String org;

    @Mixin ActorOptions who;

    @Override
    public Integer call() {
      try (CommandContext context = new CommandContext(common, "adlake-writeback")) {
        WritebackExecutor executor = context.writebackExecutor();
        Actor actor = who.actor(context, () -> executor.executable(actions, org));
        ExecuteReport report = executor.execute(apply, actor, actions, org);
        report.print(common.out());
        return report.dryRun() || report.allSettled() ? ExitCodes.OK : ExitCodes.NOT_EXECUTED;
      }
    }
  }

  @Command(
      name = "history",
      description = "Print the audit log, newest first.",
      footer = ExitCodes.DESCRIPTION,
      mixinStandardHelpOptions = true)
  static final class History implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--action", paramLabel = "ACTION_ID", description = "Only this action.")
    String action;

    @Option(names = "--org", description = "Only this org.")
    String org;

    @Option(
        names = "--limit",
        description = "At most this many rows (default: ${DEFAULT-VALUE}).",
        defaultValue = "200")
    int limit;

    @Override
    public Integer call() {
      try (CommandContext context = new CommandContext(common, "adlake-writeback")) {
        AuditEntry.GRID.print(
            common.out(),
            AuditHistory.read(context.writebackLedger().auditLog(), action, org, limit));
        return ExitCodes.OK;
      }
    }
  }
}

package io.adlake.jobs.cli;

import io.adlake.jobs.notify.NotifyJob;
import io.adlake.jobs.notify.NotifyReport;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "notify",
    description = {
      "Send each org one digest of what changed in ops.alerts since its last digest: alerts opened (or opened",
      "again) and alerts resolved. An alert that stays open is not sent again.",
      "",
      "Channels per org are in conf/alerts.yaml (send_to): a Slack incoming webhook, whose URL is read from the",
      "environment variable send_to names, and email over the SMTP server of 'delivery' (login from the",
      "environment variables it names). Each delivery is tried up to delivery.attempts times with growing,",
      "jittered waits, and a Slack 429 Retry-After is honoured. Every delivery is recorded in ops.notifications.",
      "If a channel fails, its org's alerts stay untold and the same digest goes out on the next run (a channel",
      "that has it already is skipped); the exit code is then 9.",
      "",
      "Examples:",
      "  ADLAKE_SLACK_WEBHOOK_ACME_MEDIA=https://hooks.slack.com/services/... adlake notify"
    },
    footer = ExitCodes.DESCRIPTION,
    mixinStandardHelpOptions = true)
final class NotifyCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    try (CommandContext context = new CommandContext(common, "adlake-notify")) {
      NotifyJob job = context.notifyJob();
      NotifyReport report = job.run(Instant.now());
      report.print(System.out);
      return report.allDelivered() ? ExitCodes.OK : ExitCodes.NOT_DELIVERED;
    }
  }
}

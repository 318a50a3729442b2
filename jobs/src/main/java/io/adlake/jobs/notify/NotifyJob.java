package io.adlake.jobs.notify;

import static org.apache.spark.sql.functions.col;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.tables.TableWrites;
import io.adlake.jobs.Progress;
import io.adlake.jobs.alerts.AlertsJob;
import io.adlake.model.Tables;
import io.adlake.model.config.AlertSettings;
import io.adlake.model.config.NotifySettings;
import io.adlake.model.config.NotifyTarget;
import io.adlake.model.org.Org;
import io.adlake.model.org.OrgRegistry;
import io.adlake.platforms.notify.Delivery;
import io.adlake.platforms.notify.Digest;
import io.adlake.platforms.notify.DigestLine;
import io.adlake.platforms.notify.EmailDigest;
import io.adlake.platforms.notify.NotificationChannel;
import io.adlake.platforms.notify.SlackWebhook;
import io.adlake.transforms.alerts.AlertLifecycle;
import java.net.URI;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code adlake notify}: one digest per org of what changed since its last digest (alerts opened,
 * alerts resolved), to the org's channels in {@code conf/alerts.yaml}, with retries. An alert is
 * marked told only when every channel of its org has the digest, so a failed channel gets the same
 * digest on the next run, and a channel that already has it (ops.notifications) is not sent it
 * twice. Delivery is at least once: a crash after a send and before its record is written sends
 * that digest again.
 */
public final class NotifyJob {

  static final StructType LOG =
      new StructType()
          .add("digest_id", DataTypes.StringType, false)
          .add("channel", DataTypes.StringType, false)
          .add("attempted_at", DataTypes.TimestampType, false)
          .add("org_id", DataTypes.StringType, false)
          .add("opened", DataTypes.IntegerType, false)
          .add("resolved", DataTypes.IntegerType, false)
          .add("status", DataTypes.StringType, false)
          .add("attempts", DataTypes.IntegerType, false)
          .add("error", DataTypes.StringType);

  private final Lakehouse lakehouse;
  private final OrgRegistry orgs;
  private final AlertSettings settings;
  private final UnaryOperator<String> environment;
  private final Progress progress;

  /**
   * @param environment reads an environment variable ({@code System::getenv}); secrets come only
   *     from there
   */
  public NotifyJob(
      Lakehouse lakehouse,
      OrgRegistry orgs,
      AlertSettings settings,
      UnaryOperator<String> environment,
      Progress progress) {
    this.lakehouse = lakehouse;
    this.orgs = orgs;
    this.settings = settings;
    this.environment = environment;
    this.progress = progress;
  }

  public NotifyReport run(Instant now) {
    if (!lakehouse.exists(Tables.ALERTS)) {
      return new NotifyReport(List.of());
    }
    Dataset<Row> alerts = lakehouse.read(Tables.ALERTS).localCheckpoint();
    Map<String, List<Row>> news = new LinkedHashMap<>();
    alerts
        .filter(
            col("status")
                .equalTo(AlertLifecycle.OPEN)
                .and(
                    col("notified_status")
                        .isNull()
                        .or(col("notified_status").notEqual(AlertLifecycle.OPEN)))
                .or(
                    col("status")
                        .equalTo(AlertLifecycle.RESOLVED)
                        .and(col("notified_status").equalTo(AlertLifecycle.OPEN))))
        .orderBy(col("org_id"), AlertLifecycle.severityRank(), col("rule_id"), col("entity_id"))
        .collectAsList()
        .forEach(r -> news.computeIfAbsent(r.getAs("org_id"), k -> new ArrayList<>()).add(r));
    Set<String> delivered = deliveredBefore();

    List<NotifyReport.OrgResult> results = new ArrayList<>();
    List<Row> log = new ArrayList<>();
    Set<String> told = new HashSet<>();
    for (Org org : orgs.orgs()) {
      List<Row> rows = news.getOrDefault(org.id().value(), List.of());
      if (rows.isEmpty()) {
        continue;
      }
      Digest digest = digest(org.id().value(), rows);
      NotifyTarget target = settings.org(org.id().value()).sendTo();
      if (target == null) {
        results.add(
            new NotifyReport.OrgResult(
                org.id().value(),
                digest,
                List.of(),
                "no send_to in conf/alerts.yaml: kept, not sent"));
        continue;
      }
      List<NotifyReport.ChannelResult> channels = new ArrayList<>();
      for (ChannelOrProblem channel : channels(target)) {
        if (channel.problem != null) {
          channels.add(new NotifyReport.ChannelResult(channel.name, false, 0, channel.problem));
          log.add(
              RowFactory.create(
                  digest.id(),
                  channel.name,
                  Timestamp.from(now),
                  org.id().value(),
                  digest.opened().size(),
                  digest.resolved().size(),
                  "failed",
                  0,
                  channel.problem));
          continue;
        }
        if (delivered.contains(digest.id() + "|" + channel.name)) {
          channels.add(new NotifyReport.ChannelResult(channel.name, true, 0, "delivered before"));
          continue;
        }
        Delivery.Outcome outcome =
            new Delivery(settings.delivery().attempts(), settings.delivery().backoffMillis())
                .send(channel.channel, digest);
        progress.step(
            "notify "
                + org.id()
                + ": "
                + channel.name
                + " "
                + (outcome.delivered() ? "delivered" : "failed: " + outcome.error()));
        channels.add(
            new NotifyReport.ChannelResult(
                channel.name, outcome.delivered(), outcome.attempts(), outcome.error()));
        log.add(
            RowFactory.create(
                digest.id(),
                channel.name,
                Timestamp.from(now),
                org.id().value(),
                digest.opened().size(),
                digest.resolved().size(),
                outcome.delivered() ? "delivered" : "failed",
                outcome.attempts(),
                outcome.error()));
      }
      boolean all =
          !channels.isEmpty() && channels.stream().allMatch(NotifyReport.ChannelResult::delivered);
      if (all) {
        rows.forEach(r -> told.add(r.getAs("alert_id")));
      }
      results.add(
          new NotifyReport.OrgResult(
              org.id().value(),
              digest,
              channels,
              all ? null : "not every channel has it: sent again next run"));
    }
    if (!log.isEmpty()) {
      lakehouse.ensure(Tables.NOTIFICATIONS, LOG);
      TableWrites.append(
          lakehouse,
          Tables.NOTIFICATIONS,
          lakehouse.spark().createDataFrame(log, LOG),
          "notify-" + now.toEpochMilli());
    }
    if (!told.isEmpty()) {
      markTold(alerts, told, now);
    }
    return new NotifyReport(results);
  }

  private Set<String> deliveredBefore() {
    Set<String> out = new HashSet<>();
    if (lakehouse.exists(Tables.NOTIFICATIONS)) {
      lakehouse
          .read(Tables.NOTIFICATIONS)
          .filter(col("status").equalTo("delivered"))
          .select("digest_id", "channel")
          .collectAsList()
          .forEach(r -> out.add(r.getString(0) + "|" + r.getString(1)));
    }
    return out;
  }

  /**
   * notified_status takes the status the digest told, so the next digest tells only what changed
   * after.
   */
  private void markTold(Dataset<Row> alerts, Set<String> told, Instant now) {
    Column mine = col("alert_id").isin(told.toArray());
    Dataset<Row> marked =
        alerts
            .filter(mine)
            .withColumn("notified_status", col("status"))
            .withColumn("notified_at", functions.lit(Timestamp.from(now)));
    AlertsJob.merge(lakehouse, marked, "notify-" + now.toEpochMilli());
  }

  private record ChannelOrProblem(String name, NotificationChannel channel, String problem) {}

  private List<ChannelOrProblem> channels(NotifyTarget target) {
    List<ChannelOrProblem> out = new ArrayList<>();
    if (target.slackWebhookEnv() != null) {
      String name = "slack (" + target.slackWebhookEnv() + ")";
      String url = environment.apply(target.slackWebhookEnv());
      if (url == null || url.isBlank()) {
        out.add(
            new ChannelOrProblem(
                name, null, "environment variable " + target.slackWebhookEnv() + " is not set"));
      } else {
        try {
          out.add(
              new ChannelOrProblem(
                  name, new SlackWebhook(target.slackWebhookEnv(), URI.create(url.strip())), null));
        } catch (IllegalArgumentException e) {
          out.add(
              new ChannelOrProblem(
                  name,
                  null,
                  "environment variable " + target.slackWebhookEnv() + " does not hold a URL"));
        }
      }
    }
    if (!target.email().isEmpty()) {
      NotifySettings delivery = settings.delivery();
      String name = "email (" + target.email().size() + " recipient(s))";
      if (delivery.smtpHost() == null) {
        out.add(
            new ChannelOrProblem(name, null, "delivery.smtp_host is not set in conf/alerts.yaml"));
      } else {
        String user =
            delivery.usernameEnv() == null ? null : environment.apply(delivery.usernameEnv());
        String password =
            delivery.passwordEnv() == null ? null : environment.apply(delivery.passwordEnv());
        out.add(
            new ChannelOrProblem(
                name, new EmailDigest(delivery, target.email(), user, password), null));
      }
    }
    return out;
  }

  private static Digest digest(String orgId, List<Row> rows) {
    LocalDate asOf =
        rows.stream()
            .map(r -> r.<Date>getAs("last_seen_date").toLocalDate())
            .max(LocalDate::compareTo)
            .orElseThrow();
    List<DigestLine> opened = new ArrayList<>();
    List<DigestLine> resolved = new ArrayList<>();
    for (Row r : rows) {
      DigestLine line =
          new DigestLine(
              r.getAs("alert_id"),
              r.getAs("status"),
              r.getAs("severity"),
              r.getAs("rule_id"),
              r.getAs("title"),
              r.getAs("platform"),
              r.getAs("entity_type"),
              r.getAs("entity_id"),
              r.isNullAt(r.fieldIndex("observed"))
                  ? Map.of()
                  : r.getJavaMap(r.fieldIndex("observed")),
              r.getAs("proposed_action"));
      (AlertLifecycle.RESOLVED.equals(r.getAs("status")) ? resolved : opened).add(line);
    }
    return new Digest(orgId, asOf, opened, resolved);
  }
}

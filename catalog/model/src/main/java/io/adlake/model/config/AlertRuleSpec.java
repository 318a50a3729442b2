package io.adlake.model.config;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One alert rule, as written in {@code conf/alerts.yaml}.
 *
 * @param id stable name; with the org and the entity it makes the alert id, so renaming a rule
 *     opens new alerts
 * @param mart the gold mart it reads: pacing, qa_findings, margin_daily, margin_monthly,
 *     org_daily_summary
 * @param when the condition, in the rule language (columns of the mart's allow-list, comparisons,
 *     and / or / not)
 * @param severity low, medium or high
 * @param title one line for people: what is wrong
 * @param schedule when the rule is evaluated; absent means at every run
 * @param action what write-back should propose for each entity the rule finds; absent means alert
 *     only
 */
public record AlertRuleSpec(
    String id,
    String mart,
    String when,
    String severity,
    String title,
    RuleSchedule schedule,
    RuleAction action) {

  public static final Set<String> SEVERITIES = Set.of("low", "medium", "high");
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  public AlertRuleSpec {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "rule id '"
              + id
              + "' must be lower case letters, digits and _, starting with a letter, at most 64");
    }
    if (mart == null || mart.isBlank()) {
      throw new IllegalArgumentException("rule " + id + " names no mart");
    }
    if (when == null || when.isBlank()) {
      throw new IllegalArgumentException("rule " + id + " has no 'when' condition");
    }
    severity = severity == null ? "medium" : severity.toLowerCase(Locale.ROOT);
    if (!SEVERITIES.contains(severity)) {
      throw new IllegalArgumentException(
          "rule "
              + id
              + ": severity must be one of "
              + List.of("low", "medium", "high")
              + ", was '"
              + severity
              + "'");
    }
    title = title == null || title.isBlank() ? id.replace('_', ' ') : title.strip();
    schedule = schedule == null ? RuleSchedule.ALWAYS : schedule;
  }
}

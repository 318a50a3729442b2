package io.adlake.model.config;

import io.adlake.model.ChangeType;

/**
 * The change a rule proposes for each entity it finds; write-back turns proposals into actions that
 * need approval.
 *
 * @param type pause, resume, set_budget or set_daily_cap
 * @param value for set_budget and set_daily_cap: a number expression over the mart's columns in the
 *     rule language (e.g. {@code required_daily_spend}, {@code budget * 1.1}); none for pause and
 *     resume
 */
public record RuleAction(String type, String value) {

  public RuleAction {
    if (type == null || !ChangeType.codes().contains(type)) {
      throw new IllegalArgumentException(
          "action type must be one of " + ChangeType.codes() + ", was '" + type + "'");
    }
    boolean needsValue = ChangeType.ofCode(type).setsAmount();
    if (needsValue && (value == null || value.isBlank())) {
      throw new IllegalArgumentException(
          "action " + type + " needs a value (a number expression over the mart's columns)");
    }
    if (!needsValue && value != null) {
      throw new IllegalArgumentException("action " + type + " takes no value");
    }
  }
}

package io.adlake.model.config;

import java.util.List;

/**
 * An org's part of {@code conf/alerts.yaml}.
 *
 * @param disable ids of shared rules the org does not want
 * @param rules the org's own rules; one with a shared rule's id replaces it for this org
 * @param sendTo where the org's digest goes; absent means alerts are kept but nobody is told
 */
public record OrgAlertSettings(
    List<String> disable, List<AlertRuleSpec> rules, NotifyTarget sendTo) {

  public static final OrgAlertSettings NONE = new OrgAlertSettings(null, null, null);

  public OrgAlertSettings {
    disable = disable == null ? List.of() : List.copyOf(disable);
    rules = rules == null ? List.of() : List.copyOf(rules);
  }
}

package io.adlake.model.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code conf/alerts.yaml}: the shared rules, each org's changes to them, and how digests are
 * delivered.
 *
 * @param rules rules every org gets unless it disables or replaces them
 * @param orgs per org: disabled rule ids, own rules, notification targets
 * @param delivery how digests are sent (SMTP, retries)
 */
public record AlertSettings(
    List<AlertRuleSpec> rules, Map<String, OrgAlertSettings> orgs, NotifySettings delivery) {

  public AlertSettings {
    rules = rules == null ? List.of() : List.copyOf(rules);
    orgs = orgs == null ? Map.of() : Map.copyOf(orgs);
    delivery = delivery == null ? NotifySettings.DEFAULTS : delivery;
  }

  public OrgAlertSettings org(String orgId) {
    return orgs.getOrDefault(orgId, OrgAlertSettings.NONE);
  }

  /**
   * The rules an org is evaluated with: the shared ones it did not disable, its own replacing those
   * of the same id.
   */
  public List<AlertRuleSpec> rulesFor(String orgId) {
    OrgAlertSettings org = org(orgId);
    Map<String, AlertRuleSpec> byId = new LinkedHashMap<>();
    rules.stream().filter(r -> !org.disable().contains(r.id())).forEach(r -> byId.put(r.id(), r));
    org.rules().forEach(r -> byId.put(r.id(), r));
    return new ArrayList<>(byId.values());
  }
}

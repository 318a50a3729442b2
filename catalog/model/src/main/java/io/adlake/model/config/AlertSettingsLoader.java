package io.adlake.model.config;

import io.adlake.model.ConfigException;
import io.adlake.model.org.OrgRegistry;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@code conf/alerts.yaml}: one file, no layers. For each org the shared rules apply, minus
 * those it disables, with its own rules replacing shared ones of the same id. Unknown keys, unknown
 * orgs, duplicate rule ids and disabling a rule that does not exist are refused by name; whether a
 * condition is in the rule language is checked when the rules are compiled against their marts.
 */
public final class AlertSettingsLoader {
  private AlertSettingsLoader() {}

  public static final String FILE = "alerts.yaml";

  public static AlertSettings load(Path confDir, OrgRegistry orgs) {
    Path file = confDir.resolve(FILE);
    AlertSettings settings = SettingsFile.read(file, AlertSettings.class, "alert settings");
    SettingsFile.requireKnownOrgs(file, settings.orgs().keySet(), orgs);
    refuseDuplicates(file, "rules", settings.rules());
    Set<String> shared = new HashSet<>();
    settings.rules().forEach(r -> shared.add(r.id()));
    for (Map.Entry<String, OrgAlertSettings> entry : settings.orgs().entrySet()) {
      String org = entry.getKey();
      refuseDuplicates(file, "orgs." + org + ".rules", entry.getValue().rules());
      for (String disabled : entry.getValue().disable()) {
        if (!shared.contains(disabled)) {
          throw new ConfigException(
              file
                  + ": orgs."
                  + org
                  + ".disable names '"
                  + disabled
                  + "', which is not a shared rule; shared rules are "
                  + new TreeSet<>(shared));
        }
      }
    }
    return settings;
  }

  private static void refuseDuplicates(Path file, String where, List<AlertRuleSpec> rules) {
    Set<String> seen = new HashSet<>();
    for (AlertRuleSpec rule : rules) {
      if (!seen.add(rule.id())) {
        throw new ConfigException(file + ": " + where + " defines rule '" + rule.id() + "' twice");
      }
    }
  }
}

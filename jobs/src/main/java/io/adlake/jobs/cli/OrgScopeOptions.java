package io.adlake.jobs.cli;

import io.adlake.model.org.OrgId;
import io.adlake.model.org.OrgRegistry;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Option;

/** {@code --org}, for the commands that can process some orgs only and leave every other org's rows as they are. */
final class OrgScopeOptions {

  @Option(
      names = "--org",
      paramLabel = "ORG",
      description = {
        "Process only this org (repeat for several). Other orgs' rows are left exactly as they are: an org",
        "onboarded with history is backfilled on its own, a restated month rebuilds only its org."
      })
  List<String> orgs = List.of();

  /**
   * The orgs named, each checked against the registry; empty when none is named (every org).
   *
   * @throws IllegalArgumentException naming an org the registry does not have
   */
  Set<String> resolve(OrgRegistry registry) {
    Set<String> named = new TreeSet<>();
    for (String org : orgs) {
      OrgId id = OrgId.of(org);
      if (registry.find(id).isEmpty()) {
        throw new IllegalArgumentException("--org " + org + ": no such org in the registry (adlake org list shows them)");
      }
      named.add(id.value());
    }
    return named;
  }
}

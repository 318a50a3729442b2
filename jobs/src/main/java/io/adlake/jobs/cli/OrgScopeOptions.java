package io.adlake.jobs.cli;

import io.adlake.model.org.OrgId;
import io.adlake.model.org.OrgRegistry;
import io.adlake.model.org.OrgScope;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --org}, for the commands that can process some orgs only and leave every other org's rows
 * as they are.
 */
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
   * The orgs named, each checked against the registry, or every org when none is named.
   *
   * @throws IllegalArgumentException naming an org the registry does not have
   */
  OrgScope resolve(OrgRegistry registry) {
    if (orgs.isEmpty()) {
      return OrgScope.all();
    }
    List<String> named = new ArrayList<>();
    for (String org : orgs) {
      OrgId id = OrgId.of(org);
      if (registry.find(id).isEmpty()) {
        throw new IllegalArgumentException(
            "--org " + org + ": no such org in the registry (adlake org list shows them)");
      }
      named.add(id.value());
    }
    return OrgScope.only(named);
  }
}

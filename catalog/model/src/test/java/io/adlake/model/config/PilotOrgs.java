package io.adlake.model.config;

import io.adlake.model.org.Org;
import io.adlake.model.org.OrgId;
import io.adlake.model.org.OrgRegistry;
import java.util.List;
import java.util.Map;

/** The pilot orgs conf/ names, as a registry the settings loaders check org sections against. */
final class PilotOrgs {
  private PilotOrgs() {}

  static final OrgRegistry REGISTRY =
      new OrgRegistry(
          List.of(
              new Org(OrgId.of("acme-media"), "Acme", "EUR", "Europe/Berlin", Map.of()),
              new Org(OrgId.of("blue-harbor"), "Blue", "USD", "America/New_York", Map.of()),
              new Org(OrgId.of("kiwi-retail"), "Kiwi", "NZD", "Pacific/Auckland", Map.of())));
}

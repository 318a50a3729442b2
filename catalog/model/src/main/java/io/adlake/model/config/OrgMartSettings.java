package io.adlake.model.config;

import io.adlake.model.org.OrgId;
import java.util.Map;

/** Every org's {@link MartSettings}; an org without a section of its own gets the defaults. */
public record OrgMartSettings(MartSettings defaults, Map<OrgId, MartSettings> byOrg) {

  public OrgMartSettings {
    byOrg = Map.copyOf(byOrg);
  }

  public MartSettings of(OrgId org) {
    return byOrg.getOrDefault(org, defaults);
  }
}

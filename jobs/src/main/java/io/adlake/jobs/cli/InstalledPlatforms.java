package io.adlake.jobs.cli;

import io.adlake.platforms.dv360.Dv360Kit;
import io.adlake.platforms.gam.GamKit;
import io.adlake.platforms.kit.PlatformKits;
import io.adlake.platforms.meta.MetaKit;
import io.adlake.platforms.salesforce.SalesforceKit;
import io.adlake.platforms.ttd.TtdKit;

/**
 * The platforms this build of adlake talks to: one line per platform. The order is the order an
 * org's setup flows run in. {@code dags/adlake_daily.py} lists the fetchable sources for its fetch
 * tasks; a test holds the two equal.
 */
public final class InstalledPlatforms {
  private InstalledPlatforms() {}

  public static PlatformKits kits() {
    return PlatformKits.of(
        new Dv360Kit(), new TtdKit(), new MetaKit(), new GamKit(), new SalesforceKit());
  }
}

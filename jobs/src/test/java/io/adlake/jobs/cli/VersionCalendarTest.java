package io.adlake.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adlake.jobs.connectors.VersionCalendar;
import io.adlake.model.config.ConnectorSettings;
import io.adlake.model.config.ConnectorSettingsLoader;
import io.adlake.model.config.WritebackSettingsLoader;
import io.adlake.model.org.OrgRegistry;
import io.adlake.platforms.dv360.DisplayVideoApi;
import io.adlake.platforms.kit.PlatformAccess;
import io.adlake.platforms.kit.PlatformKits;
import io.adlake.platforms.kit.VersionRefused;
import io.adlake.platforms.versions.PinnedVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The version calendar of the shipped configuration: every pinned API and file-format version, and
 * this test fails on the day one of them is past its sunset.
 */
class VersionCalendarTest {
  private static final Path CONF = Path.of("..", "conf");
  private static final PlatformKits KITS = InstalledPlatforms.kits();

  private static VersionCalendar shipped() {
    OrgRegistry orgs = OrgRegistry.load(CONF.resolve(OrgRegistry.FILE));
    ConnectorSettings connectors = ConnectorSettingsLoader.load(CONF, orgs, KITS.fetchable());
    return VersionCalendar.of(
        KITS, connectors, Optional.of(WritebackSettingsLoader.load(CONF, orgs)));
  }

  @Test
  void noPinnedVersionIsPastItsSunsetOrUnknownToday() {
    VersionCalendar calendar = shipped();
    assertThat(calendar.refused(LocalDate.now(ZoneOffset.UTC)))
        .as("versions to change in conf/ or in adlake's code")
        .isEmpty();
  }

  @Test
  void theCalendarListsEveryApiAndFormatInUse() {
    assertThat(shipped().rows())
        .extracting(r -> r.platform() + " " + r.version().api() + " " + r.version().version())
        .contains(
            "dv360 Bid Manager API v2",
            "dv360 Display & Video 360 API v4",
            "dv360 Structured Data Files SDF_VERSION_10",
            "ttd The Trade Desk API v3",
            "meta Graph API (Marketing API) v26.0",
            "gam Ad Manager SOAP API v202605",
            "bookings Salesforce REST API v62.0");
  }

  @Test
  void aVersionWarnsSixtyDaysAheadAndIsRefusedFromItsSunset() {
    PinnedVersion gam =
        shipped().rows().stream()
            .filter(r -> r.platform().equals("gam"))
            .findFirst()
            .orElseThrow()
            .version();
    LocalDate sunset = gam.sunset().orElseThrow();
    assertThat(gam.status(sunset.minusDays(PinnedVersion.WARNING_DAYS + 1)))
        .isEqualTo(PinnedVersion.Status.CURRENT);
    assertThat(gam.status(sunset.minusDays(PinnedVersion.WARNING_DAYS)))
        .isEqualTo(PinnedVersion.Status.ENDING);
    assertThat(gam.status(sunset)).isEqualTo(PinnedVersion.Status.PAST);
    assertThat(gam.notice(sunset).orElseThrow())
        .contains("switched off on " + sunset, "sources.gam.base_url in conf/connectors.yaml");
  }

  @Test
  void aFetchRefusesASwitchedOffVersionBeforeCallingAndWarnsOfAnEndingOne() {
    PlatformAccess today =
        new PlatformAccess(
            KITS,
            name -> null,
            Clock.fixed(
                LocalDate.parse("2026-12-07").atStartOfDay().toInstant(ZoneOffset.UTC),
                ZoneOffset.UTC));
    assertThatThrownBy(
            () ->
                today.requireCallable(
                    KITS.require("gam"),
                    URI.create("https://ads.google.com/apis/ads/publisher/v202508/"),
                    "sources.gam.base_url in conf/connectors.yaml"))
        .isInstanceOf(VersionRefused.class)
        .hasMessageContaining("v202508 was switched off on 2026-08-31")
        .hasMessageContaining("sources.gam.base_url");
    assertThatThrownBy(
            () ->
                today.requireCallable(
                    KITS.require("meta"),
                    URI.create("https://graph.facebook.com/v19.0/"),
                    "platforms.meta.base_url"))
        .isInstanceOf(VersionRefused.class)
        .hasMessageContaining("not a version adlake knows");
    // SDF 9 ends on 2027-01-28: 52 days ahead, a warning, not yet a refusal.
    PinnedVersion sdf9 = DisplayVideoApi.SDF_VERSIONS.pin("SDF_VERSION_9", "a setting");
    assertThat(sdf9.status(LocalDate.parse("2026-12-07"))).isEqualTo(PinnedVersion.Status.ENDING);
    assertThat(sdf9.notice(LocalDate.parse("2026-12-07")).orElseThrow())
        .contains("stops on 2027-01-28 (52 days");
    assertThat(
            today.requireCallable(
                KITS.require("dv360"),
                URI.create("https://displayvideo.googleapis.com/v4/"),
                "sources.setup.base_url"))
        .isEmpty();
  }

  @Test
  void doctorPrintsTheCalendarAndTheCredentialsWithoutTheirValues() throws IOException {
    Path conf = Files.createTempDirectory("adlake-doctor-conf");
    for (String file :
        new String[] {"adlake.yaml", "orgs.yaml", "connectors.yaml", "writeback.yaml"}) {
      Files.copy(CONF.resolve(file), conf.resolve(file));
    }
    DoctorCommand doctor = new DoctorCommand();
    doctor.env = name -> name.equals("ADLAKE_TTD_TOKEN") ? "a-secret-token" : null;
    StringWriter out = new StringWriter();
    int exit =
        new CommandLine(doctor).setOut(new PrintWriter(out)).execute("--conf-dir", conf.toString());
    assertThat(out.toString())
        .contains("Ad Manager SOAP API", "v202605", "2027-05-31")
        .contains("Structured Data Files", "SDF_VERSION_10", "none announced")
        .contains("$ADLAKE_TTD_TOKEN", "set")
        .contains("NOT SET")
        .doesNotContain("a-secret-token");
    assertThat(exit).isEqualTo(ExitCodes.CREDENTIALS_REFUSED);
  }
}

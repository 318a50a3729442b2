package io.adlake.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adlake.model.ConfigException;
import io.adlake.model.org.Org;
import io.adlake.model.org.OrgId;
import io.adlake.model.org.OrgRegistry;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MartSettingsLoaderTest {

  private static final OrgRegistry ORGS =
      new OrgRegistry(
          List.of(
              new Org(OrgId.of("acme-media"), "Acme", "EUR", "Europe/Berlin", Map.of()),
              new Org(OrgId.of("kiwi-retail"), "Kiwi", "GBP", "Europe/London", Map.of())));

  @Test
  void theShippedFileLoadsAndOrgSectionsOverrideTheDefaultsKeyByKey() {
    OrgMartSettings settings = MartSettingsLoader.load(Path.of("../../conf"), ORGS);
    PacingSettings defaults = settings.defaults().pacing();
    assertThat(defaults.underBelow()).isEqualByComparingTo("0.90");
    PacingSettings acme = settings.of(OrgId.of("acme-media")).pacing();
    assertThat(acme.underBelow()).isEqualByComparingTo("0.85");
    assertThat(acme.runRateDays()).isEqualTo(7); // not in acme's section: the default
    QaCheckSettings kiwi = settings.of(OrgId.of("kiwi-retail")).qa().get("no_recent_delivery");
    assertThat(kiwi.params()).containsEntry("days", new BigDecimal("2"));
    assertThat(kiwi.severity())
        .isEqualTo("high"); // merged with the default entry, not replacing it
    assertThat(settings.of(OrgId.of("kiwi-retail")).taxonomy().tokens()).hasSize(6);
  }

  @Test
  void mistakesAreNamed(@TempDir Path dir) throws Exception {
    String base = "defaults:\n  pacing: {under_below: 0.9, over_above: 1.1, run_rate_days: 7}\n";
    Files.writeString(dir.resolve("marts.yaml"), base + "orgs:\n  nobody: {}\n");
    assertThatThrownBy(() -> MartSettingsLoader.load(dir, ORGS))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("orgs.nobody is not in the org registry");

    Files.writeString(
        dir.resolve("marts.yaml"), base + "orgs:\n  acme-media:\n    pacing: {under_below: 1.2}\n");
    assertThatThrownBy(() -> MartSettingsLoader.load(dir, ORGS))
        .hasMessageContaining("(orgs.acme-media)")
        .hasMessageContaining("under_below must be in (0, 1], was 1.2");

    Files.writeString(
        dir.resolve("marts.yaml"), base + "  qa:\n    no_frequency_cap: {severity: urgent}\n");
    assertThatThrownBy(() -> MartSettingsLoader.load(dir, ORGS))
        .hasMessageContaining("unknown severity 'urgent'");

    Files.writeString(dir.resolve("marts.yaml"), base + "  pacin: {}\n");
    assertThatThrownBy(() -> MartSettingsLoader.load(dir, ORGS)).hasMessageContaining("pacin");
  }
}

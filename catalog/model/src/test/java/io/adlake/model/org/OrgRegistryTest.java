package io.adlake.model.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adlake.model.ConfigException;
import io.adlake.model.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrgRegistryTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "..",
        "../etc",
        "a/b",
        "Acme",
        "ab",
        "-acme",
        "acme-",
        "ac--me",
        "acme media",
        "acme.media",
        "1acme"
      })
  void orgIdsThatCouldEscapeAPathAreRefused(String id) {
    assertThatThrownBy(() -> OrgId.of(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + id + "'");
  }

  @Test
  void roundTripsThroughYaml(@TempDir Path dir) {
    Path file = dir.resolve("orgs.yaml");
    Org org =
        new Org(
            OrgId.of("acme-media"),
            "Acme",
            "EUR",
            "Europe/Berlin",
            Map.of(
                "ttd",
                new SourceOptions("dd/MM/yyyy", ",", null),
                "dv360",
                SourceOptions.defaults(),
                "meta",
                new SourceOptions(
                    null, null, null, List.of("purchase", "offsite_conversion.custom.123"))));
    new OrgRegistry(List.of()).with(org).save(file);
    OrgRegistry loaded = OrgRegistry.load(file);
    assertThat(loaded.orgs()).containsExactly(org);
    assertThat(loaded.require(OrgId.of("acme-media")).options(Source.TTD).decimalChar())
        .isEqualTo(',');
    assertThat(loaded.require(OrgId.of("acme-media")).options(Source.META).conversionTypes())
        .containsExactly("purchase", "offsite_conversion.custom.123");
    assertThat(loaded.require(OrgId.of("acme-media")).enabled(Source.BOOKINGS)).isFalse();
  }

  @Test
  void aBadEntryNamesTheFileAndTheValue(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("orgs.yaml");
    Files.writeString(
        file, "orgs:\n- id: acme\n  name: Acme\n  reporting_currency: EURO\n  timezone: UTC\n");
    assertThatThrownBy(() -> OrgRegistry.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("invalid currency 'EURO'");
  }
}

package io.adlake.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adlake.model.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualitySettingsLoaderTest {

  @Test
  void theShippedGatesLoad() {
    QualitySettings settings = QualitySettingsLoader.load(Path.of("../../conf"));
    assertThat(settings.historyRuns()).isEqualTo(30);
    assertThat(settings.checksOf("silver.delivery_daily"))
        .extracting(CheckSpec::check)
        .contains("complete", "non_negative", "known_org", "anomaly");
    CheckSpec band =
        settings.checksOf("silver.delivery_daily").stream()
            .filter(c -> "band".equals(c.strategy()))
            .findFirst()
            .orElseThrow();
    assertThat(band.deviations()).isEqualTo(4.0);
    assertThat(band.isError()).isFalse();
    assertThat(settings.checksOf("gold.org_daily_summary"))
        .anySatisfy(c -> assertThat(c.referenceColumns()).containsExactly("org_id", "report_date"));
    assertThat(settings.checksOf("silver.quarantine")).isEmpty();
  }

  @Test
  void mistakesAreRefusedByName(@TempDir Path conf) throws IOException {
    assertRefused(
        conf,
        "tables:\n  bronze.dv360_delivery:\n    - {check: known_org}\n",
        "bronze.dv360_delivery is not a silver or gold table");
    assertRefused(
        conf, "tables:\n  silver.bookings:\n    - {check: looks_fine}\n", "check must be one of");
    assertRefused(
        conf,
        "tables:\n  silver.bookings:\n    - {check: allowed_values, columns: [currency]}\n",
        "allowed_values: values is required");
    assertRefused(
        conf,
        "tables:\n  silver.bookings:\n    - {check: complete, columns: [currency], level: fatal}\n",
        "level must be error or warning");
    assertRefused(
        conf,
        "tables:\n  silver.bookings:\n    - {check: complete, columns: [a], values: [x]}\n",
        "complete takes none of");
    assertRefused(
        conf,
        "tables:\n  gold.pacing:\n    - {check: references, columns: [org_id], reference: silver.nothing}\n",
        "references unknown table 'silver.nothing'");
    assertRefused(
        conf,
        "tables:\n  gold.pacing:\n    - {check: anomaly, metric: sum, strategy: rate_of_change, max_decrease: 0.5}\n",
        "metric sum takes exactly one column");
    assertRefused(
        conf,
        "tables:\n  gold.pacing:\n    - {check: anomaly, metric: row_count, max_decrease: 1.5}\n",
        "max_decrease is the lowest allowed");
    assertRefused(
        conf,
        "tables:\n  gold.pacing:\n    - {check: complete, columns: [a]}\n    - {check: complete, columns: [a]}\n",
        "lists complete(a) twice");
    assertRefused(conf, "history_runs: 0\n", "history_runs must be between 1 and 1000");
    assertRefused(
        conf,
        "tables:\n  gold.pacing:\n    - {check: complete, colums: [a]}\n",
        "unknown key 'tables.gold.pacing[0].colums'");
  }

  private static void assertRefused(Path conf, String yaml, String message) throws IOException {
    Files.writeString(
        conf.resolve(QualitySettingsLoader.FILE),
        yaml.startsWith("history_runs") ? yaml : "history_runs: 5\n" + yaml);
    assertThatThrownBy(() -> QualitySettingsLoader.load(conf))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message);
  }
}

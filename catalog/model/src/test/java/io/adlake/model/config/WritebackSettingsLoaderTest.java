package io.adlake.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adlake.model.ConfigException;
import io.adlake.model.org.OrgRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritebackSettingsLoaderTest {

  private static final OrgRegistry ORGS = PilotOrgs.REGISTRY;

  private static final String PLATFORM =
      "platforms:\n  dv360:\n    base_url: https://displayvideo.googleapis.com/v4\n    token_env: T\n";

  @Test
  void theShippedSettingsLoadWithPerOrgThresholds() {
    WritebackSettings settings = WritebackSettingsLoader.load(Path.of("../../conf"), ORGS);

    assertThat(settings.thresholdFor("acme-media")).isEqualByComparingTo("5000");
    assertThat(settings.thresholdFor("kiwi-retail"))
        .as("the shared one")
        .isEqualByComparingTo("1000");
    assertThat(settings.platforms()).containsOnlyKeys("dv360", "ttd", "meta");
    assertThat(settings.platforms().get("dv360").baseUrl())
        .isEqualTo(URI.create("https://displayvideo.googleapis.com/v4/"));
    // An org's own credentials per platform, else the platform's shared variable.
    assertThat(settings.tokenEnvFor("acme-media", "dv360"))
        .isEqualTo("ADLAKE_DV360_TOKEN_ACME_MEDIA");
    assertThat(settings.tokenEnvFor("acme-media", "ttd")).isEqualTo("ADLAKE_TTD_TOKEN");
    assertThat(settings.tokenEnvFor("kiwi-retail", "dv360")).isEqualTo("ADLAKE_DV360_TOKEN");
  }

  @Test
  void mistakesAreRefusedByName(@TempDir Path conf) throws IOException {
    assertRefused(
        conf,
        "approval_threshold: 10\n" + PLATFORM.replace("token_env", "token"),
        "unknown key 'platforms.dv360.token'");
    assertRefused(
        conf,
        "approval_threshold: 10\n" + PLATFORM.replace("token_env: T", "token_env: ya29.secret"),
        "token_env names an environment variable");
    assertRefused(
        conf,
        "approval_threshold: 10\n" + PLATFORM.replace("dv360:", "tiktok:"),
        "platforms.tiktok: write-back knows [dv360, ttd, meta]");
    assertRefused(conf, PLATFORM, "approval_threshold is required");
    assertRefused(
        conf,
        "approval_threshold: 10\norgs:\n  nobody:\n    approval_threshold: 5\n",
        "orgs.nobody is not in the org registry");
    assertRefused(
        conf,
        "approval_threshold: 10\norgs:\n  acme-media:\n    token_env: {dv360: ya29.a0secret}\n",
        "token_env.dv360 names an environment variable");
    assertRefused(
        conf,
        "approval_threshold: 10\norgs:\n  acme-media:\n    token_env: {tiktok: T}\n",
        "token_env.tiktok: write-back knows [dv360, ttd, meta]");
    assertRefused(
        conf,
        "approval_threshold: 10\n"
            + PLATFORM.replace("https://displayvideo.googleapis.com/v4", "file:///etc"),
        "base_url must be an http(s) URL");
  }

  private static void assertRefused(Path conf, String yaml, String message) throws IOException {
    Files.writeString(conf.resolve(WritebackSettingsLoader.FILE), yaml);
    assertThatThrownBy(() -> WritebackSettingsLoader.load(conf, ORGS))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message);
  }
}

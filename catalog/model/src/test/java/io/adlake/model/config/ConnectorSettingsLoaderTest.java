package io.adlake.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adlake.model.ConfigException;
import io.adlake.model.Source;
import io.adlake.model.org.OrgRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorSettingsLoaderTest {

  private static final OrgRegistry ORGS = PilotOrgs.REGISTRY;

  /**
   * What the installed platforms fetch (the platform registry's list, which this module cannot
   * see).
   */
  private static final List<Source> FETCHABLE =
      List.of(Source.DV360, Source.TTD, Source.META, Source.GAM, Source.BOOKINGS, Source.SETUP);

  private static final String META =
      "sources:\n  meta:\n    base_url: https://graph.facebook.com/v26.0\n    credentials_env: M\n    restatement_days: 28\n";

  @Test
  void theShippedSettingsLoadWithPerOrgAccountsCredentialsAndWindows() {
    ConnectorSettings settings =
        ConnectorSettingsLoader.load(Path.of("../../conf"), ORGS, FETCHABLE);

    assertThat(settings.sources())
        .containsOnlyKeys("dv360", "ttd", "meta", "gam", "bookings", "setup");
    assertThat(settings.endpoint(Source.SETUP).baseUrl().toString())
        .as("SDF downloads: the Display & Video 360 API")
        .endsWith("/v4/");
    assertThat(settings.endpoint(Source.SETUP).credentialsEnv()).as("each platform's own").isNull();
    assertThat(settings.restatementDays("acme-media", Source.META))
        .as("Meta's 28-day attribution window")
        .isEqualTo(28);
    assertThat(settings.restatementDays("kiwi-retail", Source.META))
        .as("the org's own")
        .isEqualTo(35);
    assertThat(settings.credentialsEnv("kiwi-retail", Source.DV360))
        .isEqualTo("ADLAKE_DV360_SERVICE_ACCOUNT_KIWI");
    assertThat(settings.credentialsEnv("acme-media", Source.DV360))
        .isEqualTo("ADLAKE_DV360_SERVICE_ACCOUNT");
    assertThat(settings.account("blue-harbor", Source.TTD))
        .as("blue-harbor's TTD exports are dropped by hand")
        .isEmpty();
    assertThat(settings.account("acme-media", Source.TTD).orElseThrow().reportSchedule())
        .isEqualTo("1258768");
    assertThat(settings.endpoint(Source.META).baseUrl().toString()).endsWith("/v26.0/");
    assertThat(settings.endpoint(Source.TTD).requestTimeoutSeconds())
        .as("the default")
        .isEqualTo(120);
    assertThat(settings.restatementDays("acme-media", Source.GAM))
        .as("Ad Manager's roll-back")
        .isEqualTo(15);
  }

  @Test
  void mistakesAreRefusedByName(@TempDir Path conf) throws IOException {
    assertRefused(
        conf, META.replace("credentials_env", "token"), "unknown key 'sources.meta.token'");
    assertRefused(
        conf,
        META.replace("credentials_env: M", "credentials_env: EAAB.secret"),
        "credentials_env names an environment variable");
    assertRefused(
        conf,
        META.replace("meta:", "monetize:"),
        "sources.monetize: adlake fetches [dv360, ttd, meta, gam, bookings, setup]");
    assertRefused(conf, META.replace("meta:", "tiktok:"), "sources.tiktok: no source 'tiktok'");
    assertRefused(
        conf,
        META.replace("meta:", "setup:"),
        "sources.setup.credentials_env: setup is fetched with each platform's credentials");
    assertRefused(
        conf,
        META.replace("    credentials_env: M\n", ""),
        "sources.meta.credentials_env: the environment variable holding the credentials is missing");
    assertRefused(
        conf,
        META + "orgs:\n  acme-media:\n    setup: {account: x}\n",
        "orgs.acme-media.setup: an org's setup is fetched with its dv360, ttd and meta accounts");
    assertRefused(
        conf, META.replace("28", "400"), "restatement_days must be between 0 and 90, was 400");
    assertRefused(
        conf,
        META + "orgs:\n  nobody:\n    meta: {account: act_1}\n",
        "orgs.nobody is not in the org registry");
    assertRefused(
        conf,
        META + "orgs:\n  acme-media:\n    ttd: {account: x}\n",
        "orgs.acme-media.ttd: sources.ttd is not configured");
    assertRefused(
        conf,
        META + "orgs:\n  acme-media:\n    meta: {account: \"act_1; DROP\"}\n",
        "account must be a platform id");
  }

  private static void assertRefused(Path conf, String yaml, String message) throws IOException {
    Files.writeString(conf.resolve(ConnectorSettingsLoader.FILE), yaml);
    assertThatThrownBy(() -> ConnectorSettingsLoader.load(conf, ORGS, FETCHABLE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message);
  }
}

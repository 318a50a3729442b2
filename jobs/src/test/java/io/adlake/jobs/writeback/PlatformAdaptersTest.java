package io.adlake.jobs.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adlake.jobs.cli.InstalledPlatforms;
import io.adlake.model.config.PlatformEndpoint;
import io.adlake.model.config.WritebackSettings;
import io.adlake.platforms.FakePlatforms;
import io.adlake.platforms.http.PlatformException;
import io.adlake.platforms.kit.PlatformAccess;
import io.adlake.platforms.kit.VersionRefused;
import io.adlake.platforms.writeback.Change;
import io.adlake.platforms.writeback.EntityRef;
import io.adlake.platforms.writeback.EntityState;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Write-back's wiring of the adapters against {@link FakePlatforms}: each org's token for its own
 * entities, the platform's retry signals, an expired API version refused before any call.
 */
class PlatformAdaptersTest {
  private static final String TOKEN = FakePlatforms.TOKEN;
  private static final String META = FakePlatforms.META_PATH.substring(1);
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);

  private FakePlatforms platforms;
  private URI base;
  private List<String> requests;

  @BeforeEach
  void start() throws IOException {
    platforms = new FakePlatforms();
    platforms.dv360LineItem("42", "111", true, 1_500_000_000L, 50_000_000L);
    platforms.metaAdSet("as1", true, 5000, 0);
    base = platforms.base;
    requests = platforms.requests;
  }

  @AfterEach
  void stop() {
    platforms.close();
  }

  @Test
  void metaThrottlingInTheBodyIsRetriedAfterTheUsageHeadersWaitAndAnExpiredTokenIsNot() {
    PlatformAdapters adapters =
        new PlatformAdapters(settings("meta", META, 4), access(Map.of("T", TOKEN)::get));
    EntityRef adSet = new EntityRef("meta", "ad_set", "as1", null, "EUR");
    platforms.metaErrors.addAll(List.of(17, 80004));

    EntityState state = adapters.forOrg("acme", "meta").read(adSet);

    assertThat(state.dailyCap()).isEqualByComparingTo("50");
    assertThat(requests).hasSize(3);
    assertThat((platforms.times.get(1) - platforms.times.get(0)) / 1_000_000)
        .as("waited the ad account's reset_time_duration of 1 s")
        .isGreaterThanOrEqualTo(1000);

    platforms.metaErrors.add(190);
    assertThatThrownBy(() -> adapters.forOrg("acme", "meta").read(adSet))
        .isInstanceOf(PlatformException.class)
        .hasMessageContaining(
            "HTTP 400 (Meta error 190 (subcode 463): the access token expired or was revoked")
        .hasMessageNotContaining(TOKEN);
    assertThat(requests).as("190 is not retried").hasSize(4);
  }

  @Test
  void anExpiredGraphApiVersionIsRefusedBeforeAnyCall() {
    PlatformAdapters adapters =
        new PlatformAdapters(settings("meta", "meta/v21.0/", 3), access(Map.of("T", TOKEN)::get));
    assertThatThrownBy(() -> adapters.forOrg("acme", "meta"))
        .isInstanceOf(VersionRefused.class)
        .hasMessageStartingWith(
            "meta: Graph API (Marketing API) v21.0 was switched off on 2025-09-09 (")
        .hasMessageEndingWith("): change platforms.meta.base_url");
    assertThat(requests).isEmpty();
  }

  @Test
  void eachOrgsTokenIsSentForThatOrgsEntitiesOnlyAndNeverShown() {
    platforms.dv360LineItem("77", "222", true, 900_000_000L, 0L);
    platforms.owners.put("dv360/111", "acme-partner-token");
    platforms.owners.put("dv360/222", "kiwi-partner-token");
    WritebackSettings settings =
        new WritebackSettings(
            Map.of(
                "dv360",
                new PlatformEndpoint(
                    base.resolve("dv360/v4/"), "ADLAKE_DV360_TOKEN", 1, 0L, 10L, 10L)),
            BigDecimal.TEN,
            Map.of(
                "acme",
                    new WritebackSettings.OrgWritebackSettings(null, Map.of("dv360", "TOKEN_ACME")),
                "kiwi",
                    new WritebackSettings.OrgWritebackSettings(null, Map.of("dv360", "TOKEN_KIWI")),
                "nova",
                    new WritebackSettings.OrgWritebackSettings(
                        null, Map.of("dv360", "TOKEN_NOVA"))),
            List.of());
    Map<String, String> env =
        Map.of(
            "TOKEN_ACME",
            "acme-partner-token",
            "TOKEN_KIWI",
            "kiwi-partner-token",
            "ADLAKE_DV360_TOKEN",
            TOKEN);
    PlatformAdapters adapters = new PlatformAdapters(settings, access(env::get));
    EntityRef acmeItem = new EntityRef("dv360", "line_item", "111", "42", "EUR");
    EntityRef kiwiItem = new EntityRef("dv360", "line_item", "222", "77", "EUR");

    adapters.forOrg("acme", "dv360").apply(acmeItem, new Change("pause", null));
    adapters.forOrg("kiwi", "dv360").apply(kiwiItem, new Change("pause", null));

    assertThat(requests)
        .filteredOn(r -> r.contains("/lineItems/111"))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r).contains(" Bearer acme-partner-token"));
    assertThat(requests)
        .filteredOn(r -> r.contains("/lineItems/222"))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r).contains(" Bearer kiwi-partner-token"));
    // Kiwi's token asked for Acme's line item (a wrong entity id in an action) is refused by the
    // platform, and no
    // message carries either token.
    assertThatThrownBy(() -> adapters.forOrg("kiwi", "dv360").read(acmeItem))
        .isInstanceOf(PlatformException.class)
        .hasMessageContaining("HTTP 403")
        .hasMessageNotContaining("kiwi-partner-token")
        .hasMessageNotContaining("acme-partner-token");
    assertThatThrownBy(() -> adapters.forOrg("nova", "dv360"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("$TOKEN_NOVA is not set: no dv360 credentials for org nova");
    assertThat(settings.tokenEnvFor("blue", "dv360"))
        .as("an org without its own uses the shared variable")
        .isEqualTo("ADLAKE_DV360_TOKEN");
  }

  private static PlatformAccess access(UnaryOperator<String> env) {
    return new PlatformAccess(InstalledPlatforms.kits(), env, CLOCK);
  }

  private WritebackSettings settings(String platform, String path, int attempts) {
    return new WritebackSettings(
        Map.of(platform, new PlatformEndpoint(base.resolve(path), "T", attempts, 0L, 20L, 5_000L)),
        BigDecimal.TEN,
        Map.of(),
        List.of());
  }
}

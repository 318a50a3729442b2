package io.adlake.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adlake.model.ConfigException;
import io.adlake.model.org.OrgRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertSettingsLoaderTest {

  private static final OrgRegistry ORGS = PilotOrgs.REGISTRY;

  @Test
  void theShippedRulesLoadAndEachOrgGetsItsSet() {
    AlertSettings settings = AlertSettingsLoader.load(Path.of("../../conf"), ORGS);

    assertThat(settings.rulesFor("acme-media"))
        .extracting(AlertRuleSpec::id)
        .contains("behind_plan", "over_budget", "qa_high", "low_margin");
    assertThat(settings.rulesFor("kiwi-retail"))
        .extracting(AlertRuleSpec::id)
        .doesNotContain("low_margin");
    assertThat(settings.org("acme-media").sendTo().slackWebhookEnv())
        .isEqualTo("ADLAKE_SLACK_WEBHOOK_ACME_MEDIA");
    assertThat(settings.delivery().attempts()).isEqualTo(4);
    AlertRuleSpec nearEnd =
        settings.rules().stream()
            .filter(r -> r.id().equals("behind_plan_near_end"))
            .findFirst()
            .orElseThrow();
    assertThat(
            nearEnd
                .schedule()
                .includes(ZonedDateTime.of(2026, 11, 9, 8, 0, 0, 0, ZoneId.of("Europe/Berlin"))))
        .isTrue(); // a Monday
    assertThat(
            nearEnd
                .schedule()
                .includes(ZonedDateTime.of(2026, 11, 8, 8, 0, 0, 0, ZoneId.of("Europe/Berlin"))))
        .isFalse(); // a Sunday
  }

  @Test
  void anOrgsOwnRuleReplacesTheSharedOneOfTheSameId(@TempDir Path conf) throws IOException {
    write(
        conf,
        "rules:\n  - {id: low_margin, mart: margin_monthly, when: 'margin_pct < 0.1'}\n"
            + "orgs:\n  blue-harbor:\n    rules:\n      - {id: low_margin, mart: margin_monthly, when: 'margin_pct < 0.05', severity: high}\n");
    AlertSettings settings = AlertSettingsLoader.load(conf, ORGS);
    assertThat(settings.rulesFor("blue-harbor"))
        .singleElement()
        .satisfies(r -> assertThat(r.when()).isEqualTo("margin_pct < 0.05"));
    assertThat(settings.rulesFor("acme-media"))
        .singleElement()
        .satisfies(r -> assertThat(r.severity()).isEqualTo("medium"));
  }

  @Test
  void mistakesAreRefusedByName(@TempDir Path conf) throws IOException {
    assertRefused(
        conf,
        "rules:\n  - {id: x, mart: pacing, wen: 'pacing_index < 1'}\n",
        "unknown key 'rules[0].wen'");
    assertRefused(conf, "rules:\n  - {id: x, mart: pacing}\n", "rule x has no 'when' condition");
    assertRefused(
        conf,
        "rules:\n  - {id: X-1, mart: pacing, when: 'a < 1'}\n",
        "rule id 'X-1' must be lower case");
    assertRefused(
        conf,
        "rules:\n  - {id: x, mart: pacing, when: 'a < 1', severity: urgent}\n",
        "severity must be one of");
    assertRefused(
        conf,
        "rules:\n  - {id: x, mart: pacing, when: 'a < 1', schedule: {days: [monday]}}\n",
        "schedule day 'monday' is not one of");
    assertRefused(
        conf,
        "rules:\n  - {id: x, mart: pacing, when: 'a < 1', schedule: {hours: [24]}}\n",
        "schedule hours are 0 to 23, was 24");
    assertRefused(
        conf,
        "rules:\n  - {id: x, mart: pacing, when: 'a < 1', action: {type: delete}}\n",
        "action type must be one of");
    assertRefused(
        conf,
        "rules:\n  - {id: x, mart: pacing, when: 'a < 1', action: {type: set_budget}}\n",
        "action set_budget needs a value");
    assertRefused(
        conf,
        "rules:\n  - {id: x, mart: pacing, when: 'a < 1'}\n  - {id: x, mart: pacing, when: 'a < 2'}\n",
        "rules defines rule 'x' twice");
    assertRefused(
        conf, "orgs:\n  nobody:\n    disable: []\n", "orgs.nobody is not in the org registry");
    assertRefused(
        conf,
        "orgs:\n  acme-media:\n    disable: [ghost]\n",
        "orgs.acme-media.disable names 'ghost', which is not a shared rule");
    assertRefused(
        conf,
        "orgs:\n  acme-media:\n    send_to: {slack_webhook_env: 'https://hooks.slack.com/x'}\n",
        "slack_webhook_env names an environment variable");
    assertRefused(
        conf,
        "orgs:\n  acme-media:\n    send_to: {email: [not-an-address]}\n",
        "'not-an-address' is not an email address");
    assertRefused(conf, "delivery:\n  attempts: 0\n", "notify attempts must be between 1 and 10");
  }

  private static void assertRefused(Path conf, String yaml, String message) throws IOException {
    write(conf, yaml);
    assertThatThrownBy(() -> AlertSettingsLoader.load(conf, ORGS))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message);
  }

  private static void write(Path conf, String yaml) throws IOException {
    Files.writeString(conf.resolve(AlertSettingsLoader.FILE), yaml);
  }
}

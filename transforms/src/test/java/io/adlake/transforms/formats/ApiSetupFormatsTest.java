package io.adlake.transforms.formats;

import static io.adlake.transforms.formats.ParsedLine.Kind.ACCEPTED;
import static io.adlake.transforms.formats.ParsedLine.Kind.QUARANTINED;
import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.model.Source;
import io.adlake.model.org.SourceOptions;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Setup exports collected from the TTD and Meta APIs as JSON lines. */
class ApiSetupFormatsTest {

  @Test
  void ttdAdGroupsReadNestedMoneyObjects() throws Exception {
    TtdAdGroupsJson format = new TtdAdGroupsJson();
    List<ParsedLine> lines =
        Fixtures.parse(format, "ttd_ad_groups.jsonl", SourceOptions.defaults());
    List<ParsedLine> accepted = Fixtures.of(lines, ACCEPTED);
    assertThat(accepted).hasSize(2);
    assertThat(accepted.get(0).value(format.index("budget_amount")))
        .isEqualTo(new BigDecimal("2500.500000"));
    assertThat(accepted.get(0).value(format.index("daily_budget_amount")))
        .isEqualTo(new BigDecimal("100.000000"));
    assertThat(accepted.get(0).value(format.index("pacing_mode"))).isEqualTo("PaceAhead");
    // A string amount reads like a number; a null daily budget is absent, not zero.
    assertThat(accepted.get(1).value(format.index("budget_amount")))
        .isEqualTo(new BigDecimal("1000.000000"));
    assertThat(accepted.get(1).value(format.index("daily_budget_amount"))).isNull();
    assertThat(accepted.get(1).value(format.index("is_enabled"))).isEqualTo(false);
    assertThat(Fixtures.of(lines, QUARANTINED))
        .extracting(ParsedLine::reason)
        .containsExactly(
            "column 'IsEnabled': not TRUE or FALSE: 'maybe'",
            "column 'RTBAttributes.BudgetSettings.Budget.CurrencyCode': unknown currency code 'DOLLARS'");
  }

  @Test
  void metaAdSetsKeepApiUnitsReadUnusedBudgetZeroAsNoneAndFrequencySpecs() throws Exception {
    MetaAdSetsJson format = new MetaAdSetsJson();
    List<ParsedLine> lines = Fixtures.parse(format, "meta_ad_sets.jsonl", SourceOptions.defaults());
    List<ParsedLine> accepted = Fixtures.of(lines, ACCEPTED);
    assertThat(accepted)
        .extracting(l -> l.value(format.index("adset_id")))
        .containsExactly("s1", "s2", "s6", "s7", "s8");
    // Meta writes the budget kind an ad set does not use as "0": a lifetime-budget ad set is not
    // quarantined.
    assertThat(accepted.get(0).value(format.index("lifetime_budget_minor"))).isEqualTo(250_000L);
    assertThat(accepted.get(0).value(format.index("daily_budget_minor"))).isNull();
    assertThat(accepted.get(1).value(format.index("daily_budget_minor"))).isEqualTo(5_000L);
    assertThat(accepted.get(1).value(format.index("lifetime_budget_minor"))).isNull();
    // An ad set under a campaign budget has both at "0": no budget of its own.
    assertThat(accepted.get(4).value(format.index("daily_budget_minor"))).isNull();
    assertThat(accepted.get(4).value(format.index("lifetime_budget_minor"))).isNull();
    @SuppressWarnings("unchecked")
    List<Object[]> specs =
        (List<Object[]>) accepted.get(0).value(format.index("frequency_control_specs"));
    assertThat(specs.get(0)).containsExactly("IMPRESSIONS", 7L, 3L);
    // 23:30 at UTC-8 on 31 Oct is 07:30 UTC on 1 Nov.
    assertThat(accepted.get(1).value(format.index("start_time")))
        .isEqualTo(Timestamp.from(Instant.parse("2026-11-01T07:30:00Z")));
    assertThat(accepted.get(1).value(format.index("pacing_type"))).isEqualTo(List.of("no_pacing"));
    assertThat(Fixtures.of(lines, QUARANTINED))
        .extracting(ParsedLine::reason)
        .containsExactly(
            "ad set has both daily_budget and lifetime_budget above 0; Meta allows one",
            "ad set ends (2026-11-01T00:00:00Z) before it starts (2026-11-30T00:00:00Z)",
            "column 'start_time': not a timestamp with offset (e.g. 2026-11-01T00:00:00+0100): '1 Nov 2026'",
            "account_currency KWD is not in Meta's currency table, so its budgets cannot be scaled");
  }

  @Test
  void setupFilesOfEveryPlatformAreToldApart() throws Exception {
    assertThat(ExportFormats.detect(Source.SETUP, "{\"AdGroupId\":\"ag1\",\"CampaignId\":\"c\"}"))
        .isInstanceOf(TtdAdGroupsJson.class);
    assertThat(
            ExportFormats.detect(
                Source.SETUP, "{\"id\":\"s1\",\"campaign_id\":\"c1\",\"start_time\":\"x\"}"))
        .isInstanceOf(MetaAdSetsJson.class);
  }
}

package io.adlake.transforms.formats;

import static io.adlake.transforms.formats.ParsedLine.Kind.ACCEPTED;
import static io.adlake.transforms.formats.ParsedLine.Kind.QUARANTINED;
import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.model.org.SourceOptions;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetaInsightsJsonTest {

  private final MetaInsightsJson format = new MetaInsightsJson();

  @Test
  void readsStringCountsActionsAndMissingMetrics() throws Exception {
    List<ParsedLine> lines =
        Fixtures.parse(format, "meta_insights.jsonl", SourceOptions.defaults());
    List<ParsedLine> accepted = Fixtures.of(lines, ACCEPTED);
    assertThat(accepted).hasSize(2);
    ParsedLine first = accepted.get(0);
    assertThat(first.value(format.index("impressions"))).isEqualTo(1000L);
    assertThat(first.value(format.index("spend"))).isEqualTo(new BigDecimal("12.340000"));
    @SuppressWarnings("unchecked")
    List<Object[]> actions = (List<Object[]>) first.value(format.index("actions"));
    // Bronze keeps every action type as delivered; which count as conversions is silver's decision.
    assertThat(actions).hasSize(6);
    assertThat(actions.get(2))
        .containsExactly("offsite_conversion.fb_pixel_purchase", new BigDecimal("2.000000"));
    // Meta leaves out metrics that are zero: clicks is null, not a rejection.
    assertThat(accepted.get(1).value(format.index("clicks"))).isNull();
  }

  @Test
  void quarantinesBrokenJsonMultiDayRowsAndBadCountsOnTheirOwnLines() throws Exception {
    List<ParsedLine> quarantined =
        Fixtures.of(
            Fixtures.parse(format, "meta_insights.jsonl", SourceOptions.defaults()), QUARANTINED);
    assertThat(quarantined).extracting(ParsedLine::lineNumber).containsExactly(3L, 4L, 5L);
    assertThat(quarantined.get(0).reason()).startsWith("invalid JSON: Unexpected end-of-input");
    assertThat(quarantined.get(1).reason())
        .isEqualTo("not a daily row: date_start 2026-11-01 != date_stop 2026-11-02");
    assertThat(quarantined.get(2).reason())
        .isEqualTo("column 'impressions': not a whole number (decimal mark '.'): 'ten'");
  }
}

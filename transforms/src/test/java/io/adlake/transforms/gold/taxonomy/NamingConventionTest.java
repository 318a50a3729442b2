package io.adlake.transforms.gold.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adlake.model.ConfigException;
import io.adlake.model.config.NamingConventionSpec;
import io.adlake.model.config.TokenSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ADVERTISER_MARKET_CHANNEL_OBJECTIVE_YYYYMM with an optional LI/AG suffix. */
class NamingConventionTest {

  static final NamingConventionSpec SPEC =
      new NamingConventionSpec(
          "v1",
          "_",
          List.of("insertion_order", "line_item"),
          List.of(
              new TokenSpec("advertiser", null, null, List.of("A{2,8}")),
              new TokenSpec("market", null, List.of("DE", "FR", "UK", "US"), null),
              new TokenSpec("channel", null, List.of("DISPLAY", "VIDEO", "SOCIAL"), null),
              new TokenSpec(
                  "objective", null, List.of("AWARENESS", "CONSIDERATION", "CONVERSION"), null),
              new TokenSpec("period", null, null, List.of("YYYYMM")),
              new TokenSpec("suffix", false, null, List.of("\"LI\"9{1,3}", "\"AG\"9{1,3}"))));

  private final NamingConvention convention = NamingConvention.of(SPEC);

  @Test
  void validNamesWithAndWithoutTheOptionalToken() {
    assertThat(convention.check("ACME_DE_DISPLAY_AWARENESS_202611").valid()).isTrue();
    assertThat(convention.check("ACME_DE_DISPLAY_AWARENESS_202611_LI2").valid()).isTrue();
    assertThat(convention.check("ACME_DE_DISPLAY_AWARENESS_202611").suggestion()).isNull();
  }

  @Test
  void caseAndDelimiterAreFixedWithAConfidence() {
    NameCheck r = convention.check("acme-de-display-consideration-202611");
    assertThat(r.valid()).isFalse();
    assertThat(r.violations())
        .extracting(v -> v.position() + " " + v.problem() + " " + v.found())
        .containsExactly(
            "0 wrong_delimiter -",
            "1 invalid_value acme",
            "2 invalid_value de",
            "3 invalid_value display",
            "4 invalid_value consideration");
    assertThat(r.suggestion()).isEqualTo("ACME_DE_DISPLAY_CONSIDERATION_202611");
    assertThat(r.confidence()).isEqualTo(0.86); // 0.95 (case) x 0.9 (delimiter) = 0.855
  }

  @Test
  void aMisspeltValueIsReportedAtItsPositionAndCorrectedToTheNearest() {
    NameCheck r = convention.check("ACME_DE_DISPLAY_AWARNESS_202611_LI1");
    assertThat(r.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.position()).isEqualTo(4);
              assertThat(v.token()).isEqualTo("objective");
              assertThat(v.found()).isEqualTo("AWARNESS");
              assertThat(v.expected()).isEqualTo("one of [AWARENESS, CONSIDERATION, CONVERSION]");
            });
    assertThat(r.suggestion()).isEqualTo("ACME_DE_DISPLAY_AWARENESS_202611_LI1");
    assertThat(r.confidence()).isEqualTo(0.89); // 1 - 1/9
  }

  @Test
  void swappedTokensAreReordered() {
    NameCheck r = convention.check("DE_ACME_DISPLAY_AWARENESS_202611");
    // DE fits the advertiser pattern A{2,8}, so only ACME in the market's place is reported
    assertThat(r.violations()).extracting(Violation::found).containsExactly("ACME");
    assertThat(r.suggestion()).isEqualTo("ACME_DE_DISPLAY_AWARENESS_202611");
    assertThat(r.confidence()).isEqualTo(0.7);
  }

  @Test
  void missingAndUnexpectedPartsAreNamedAndUnfixableNamesGetNoSuggestion() {
    NameCheck missing = convention.check("ACME_DE_DISPLAY_202611");
    assertThat(missing.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.problem()).isEqualTo("missing");
              assertThat(v.token()).isEqualTo("objective");
              assertThat(v.position()).isEqualTo(4);
            });
    assertThat(missing.suggestion()).isNull(); // nothing to put there without guessing

    NameCheck extra = convention.check("ACME_DE_DISPLAY_AWARENESS_202611_LI1_COPY");
    assertThat(extra.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.problem()).isEqualTo("unexpected"));

    NameCheck unknownMarket = convention.check("ACME_XX_DISPLAY_AWARENESS_202611");
    assertThat(unknownMarket.violations()).extracting(Violation::found).containsExactly("XX");
    assertThat(unknownMarket.suggestion())
        .isNull(); // XX is two edits from every market: no confident guess

    assertThat(convention.check("A".repeat(300)).violations())
        .extracting(Violation::problem)
        .containsExactly("too_long");
    assertThat(convention.check(null).violations())
        .extracting(Violation::problem)
        .containsExactly("missing");
  }

  @Test
  void aBadPatternIsRefusedWithItsTokenNamed() {
    NamingConventionSpec bad =
        new NamingConventionSpec(
            "v2", "_", List.of(), List.of(new TokenSpec("period", null, null, List.of("(a|aa)+"))));
    assertThatThrownBy(() -> NamingConvention.of(bad))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("taxonomy 'v2', token 'period'");
  }
}

package io.adlake.transforms.gold.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adlake.model.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TokenPatternTest {

  @Test
  void datesDigitsLettersAndLiterals() {
    TokenPattern period = TokenPattern.compile("YYYYMM");
    assertThat(period.matches("202611")).isTrue();
    assertThat(period.matches("202613")).isFalse(); // no 13th month
    assertThat(period.matches("20261")).isFalse();
    assertThat(period.matches("2026110")).isFalse(); // the whole value, not a prefix

    TokenPattern suffix = TokenPattern.compile("\"LI\"9{1,3}");
    assertThat(suffix.matches("LI1")).isTrue();
    assertThat(suffix.matches("LI123")).isTrue();
    assertThat(suffix.matches("LI1234")).isFalse();
    assertThat(suffix.matches("LI")).isFalse();

    TokenPattern code = TokenPattern.compile("A{2,8}");
    assertThat(code.matches("ACME")).isTrue();
    assertThat(code.matches("acme")).isFalse();
    assertThat(TokenPattern.compile("X{3}DD").matches("A1B31")).isTrue();
    assertThat(TokenPattern.compile("X{3}DD").matches("A1B32")).isFalse();
  }

  @Test
  @Timeout(value = 2, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void nestedRepeatsThatWouldBacktrackInARegexStayBounded() {
    // (X+)+-like shapes explode a backtracking regex on a near miss; the table matcher is bounded
    // by construction. The timeout fails a regression instead of hanging the build (a backtracking
    // matcher would take years on this input; the table takes microseconds), in a thread of its
    // own so a matcher that never checks for interruption cannot hold the test.
    TokenPattern greedy = TokenPattern.compile("X{1,32}X{1,32}X{1,32}X{1,32}X{1,32}\"!\"");
    String nearMiss = "A".repeat(200) + "?";
    assertThat(greedy.matches(nearMiss)).isFalse();
    assertThat(greedy.matches("ABCDE!")).isTrue();
  }

  @Test
  void anythingOutsideTheGrammarIsRefusedWithItsPosition() {
    assertThatThrownBy(() -> TokenPattern.compile("(A+)+"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'(' at position 1");
    assertThatThrownBy(() -> TokenPattern.compile("9{0,5}"))
        .hasMessageContaining("1 <= min <= max <= 32");
    assertThatThrownBy(() -> TokenPattern.compile("9{1,1000}"))
        .hasMessageContaining("1 <= min <= max <= 32");
    assertThatThrownBy(() -> TokenPattern.compile("\"LI")).hasMessageContaining("never closed");
    assertThatThrownBy(() -> TokenPattern.compile(".*")).hasMessageContaining("'.'");
    assertThatThrownBy(() -> TokenPattern.compile("9".repeat(101)))
        .hasMessageContaining("longer than 100");
  }
}

package io.adlake.transforms.gold;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AsOfDateTest {

  @Test
  void theLastCompleteDayIsCountedInTheOrgsTimezone() {
    Instant lateEvening = Instant.parse("2026-11-20T23:30:00Z");
    assertThat(AsOfDate.lastCompleteDay(lateEvening, "Europe/Berlin"))
        .isEqualTo(LocalDate.of(2026, 11, 20)); // 00:30 on the 21st there
    assertThat(AsOfDate.lastCompleteDay(lateEvening, "America/New_York"))
        .isEqualTo(LocalDate.of(2026, 11, 19)); // 18:30 on the 20th
    assertThat(AsOfDate.lastCompleteDay(lateEvening, "UTC")).isEqualTo(LocalDate.of(2026, 11, 19));
    assertThat(AsOfDate.lastCompleteDay(Instant.parse("2026-11-21T00:00:00Z"), "UTC"))
        .isEqualTo(LocalDate.of(2026, 11, 20));
  }
}

package io.adlake.transforms.gold;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * An org's as-of date when none is given: its last complete day in its own timezone. At 23:30 UTC
 * Berlin is already in the next day and New York is not, so the two orgs' as-of dates differ by
 * one.
 */
public final class AsOfDate {
  private AsOfDate() {}

  public static LocalDate lastCompleteDay(Instant now, String timezone) {
    return now.atZone(ZoneId.of(timezone)).toLocalDate().minusDays(1);
  }
}

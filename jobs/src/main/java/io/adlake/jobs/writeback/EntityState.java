package io.adlake.jobs.writeback;

import java.math.BigDecimal;

/**
 * What write-back reads and changes of an entity, in one vocabulary across platforms.
 *
 * @param active   delivering (DV360 ENTITY_STATUS_ACTIVE, TTD IsEnabled, Meta ACTIVE) or paused
 * @param budget   the flight or lifetime budget in major units of the entity's currency; null when it has none
 * @param dailyCap the daily spend cap in major units; null when it has none
 */
public record EntityState(boolean active, BigDecimal budget, BigDecimal dailyCap) {

  /** As the audit log keeps it: {"active":true,"budget":"1500.00","daily_cap":null}. */
  public String toJson() {
    return "{\"active\":" + active + ",\"budget\":" + amount(budget) + ",\"daily_cap\":" + amount(dailyCap) + "}";
  }

  private static String amount(BigDecimal value) {
    return value == null ? "null" : "\"" + value.toPlainString() + "\"";
  }
}

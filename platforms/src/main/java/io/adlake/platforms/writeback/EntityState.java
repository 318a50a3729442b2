package io.adlake.platforms.writeback;

import java.math.BigDecimal;

/**
 * What write-back reads and changes of an entity, in one vocabulary across platforms, with the
 * facts that decide whether a change can have its intended effect.
 *
 * @param active delivering (DV360 ENTITY_STATUS_ACTIVE, TTD IsEnabled, Meta ACTIVE) or paused
 * @param budget the flight or lifetime budget in major units of the entity's currency; null when it
 *     has none
 * @param dailyCap the daily spend cap in major units; null when it has none
 * @param budgetKind what the budget field holds
 * @param dailyCapApplies whether a daily cap takes effect (DV360: daily pacing only; Meta: a
 *     daily-budget ad set)
 * @param parentActive whether the parent lets it serve (DV360: the insertion order is active); null
 *     when the platform has no such parent or it was not read
 */
public record EntityState(
    boolean active,
    BigDecimal budget,
    BigDecimal dailyCap,
    BudgetKind budgetKind,
    boolean dailyCapApplies,
    Boolean parentActive) {
  /** A money-budget entity whose daily cap applies and whose parent does not matter. */
  public EntityState(boolean active, BigDecimal budget, BigDecimal dailyCap) {
    this(active, budget, dailyCap, BudgetKind.MONEY, true, null);
  }

  /** The same entity with another status, budget or daily cap (what a change predicts). */
  EntityState with(boolean active, BigDecimal budget, BigDecimal dailyCap) {
    return new EntityState(active, budget, dailyCap, budgetKind, dailyCapApplies, parentActive);
  }

  /**
   * As the audit log keeps it: {"active":true,"budget":"1500.00","daily_cap":null}, and the facts
   * that differ from a plain money budget ({"budget_kind":"impressions"}, {"parent_active":false}).
   */
  public String toJson() {
    StringBuilder json =
        new StringBuilder(
            "{\"active\":"
                + active
                + ",\"budget\":"
                + amount(budget)
                + ",\"daily_cap\":"
                + amount(dailyCap));
    if (budgetKind != BudgetKind.MONEY) {
      json.append(",\"budget_kind\":\"").append(budgetKind.code()).append('"');
    }
    if (!dailyCapApplies) {
      json.append(",\"daily_cap_applies\":false");
    }
    if (parentActive != null) {
      json.append(",\"parent_active\":").append(parentActive);
    }
    return json.append('}').toString();
  }

  private static String amount(BigDecimal value) {
    return value == null ? "null" : "\"" + value.toPlainString() + "\"";
  }
}

package io.adlake.platforms.writeback;

import java.util.Locale;

/**
 * What an entity's budget field holds, in one vocabulary across platforms ({@link
 * EntityState#budgetKind}).
 */
public enum BudgetKind {
  /** an amount of the entity's currency */
  MONEY,
  /** a number of impressions (DV360 BUDGET_UNIT_IMPRESSIONS) */
  IMPRESSIONS,
  /** set by the parent's automatic allocation (DV360), not settable */
  AUTOMATIC,
  /** none of its own: the campaign allocates (TTD Kokai budgeting, a Meta campaign budget) */
  CAMPAIGN,
  /** no budget of this kind: unlimited, or a daily budget only */
  NONE;

  /** As the audit log writes it. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}

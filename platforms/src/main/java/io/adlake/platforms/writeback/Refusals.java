package io.adlake.platforms.writeback;

/**
 * The reasons a change cannot have its intended effect, in the words both the plan (from setup) and
 * execute (from the platform's answer) give them, so a person reads the same reason whichever
 * refused it.
 */
public final class Refusals {
  private Refusals() {}

  public static final String UNDER_INACTIVE_INSERTION_ORDER =
      "a line item under a paused or archived insertion order does not serve even when active; resume the insertion order first";

  public static final String IMPRESSION_BUDGET =
      "its budget counts impressions, not money; a money amount cannot be set on it";

  public static final String CAMPAIGN_BUDGET =
      "it has no budget of its own: its campaign allocates the budget (TTD campaign-level budgeting, Meta campaign budget); change the campaign instead";
}

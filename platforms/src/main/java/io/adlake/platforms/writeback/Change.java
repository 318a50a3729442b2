package io.adlake.platforms.writeback;

import io.adlake.model.ChangeType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One change to an entity: pause, resume, set_budget or set_daily_cap (with the value in major
 * units).
 */
public record Change(ChangeType type, BigDecimal value) {

  public Change {
    if (!type.setsAmount() && value != null) {
      throw new IllegalArgumentException(type.code() + " takes no value");
    }
    if (type.setsAmount()) {
      if (value == null || value.signum() <= 0) {
        throw new IllegalArgumentException(type.code() + " needs a positive amount, was " + value);
      }
      value = value.setScale(2, RoundingMode.HALF_UP);
    }
  }

  /** A change as {@code ops.writeback_actions} writes it: its code and amount. */
  public Change(String code, BigDecimal value) {
    this(ChangeType.ofCode(code), value);
  }

  /** Whether the entity already is as this change would leave it (then there is nothing to do). */
  public boolean satisfiedBy(EntityState state) {
    return switch (type) {
      case PAUSE -> !state.active();
      case RESUME -> state.active();
      case SET_BUDGET -> state.budget() != null && state.budget().compareTo(value) == 0;
      case SET_DAILY_CAP -> state.dailyCap() != null && state.dailyCap().compareTo(value) == 0;
    };
  }

  /**
   * The entity as this change would leave it: what a dry run reports, and what the platform's
   * answer should say.
   */
  public EntityState appliedTo(EntityState before) {
    return switch (type) {
      case PAUSE -> before.with(false, before.budget(), before.dailyCap());
      case RESUME -> before.with(true, before.budget(), before.dailyCap());
      case SET_BUDGET -> before.with(before.active(), value, before.dailyCap());
      case SET_DAILY_CAP -> before.with(before.active(), before.budget(), value);
    };
  }

  /**
   * Why this change cannot have its intended effect on the entity as it is, or null when it can:
   * resuming under a paused parent serves nothing, a money amount does not belong in an impression
   * or system-set budget, and a daily cap does nothing without daily pacing. Write-back refuses
   * such a change instead of reporting it applied.
   */
  public String refusal(EntityState state) {
    return switch (type) {
      case RESUME ->
          Boolean.FALSE.equals(state.parentActive())
              ? "its insertion order is not active: " + Refusals.UNDER_INACTIVE_INSERTION_ORDER
              : null;
      case SET_BUDGET ->
          switch (state.budgetKind()) {
            case MONEY -> null;
            case IMPRESSIONS -> Refusals.IMPRESSION_BUDGET;
            case AUTOMATIC ->
                "its budget is allocated automatically by its insertion order; the platform sets it, not write-back";
            case CAMPAIGN -> Refusals.CAMPAIGN_BUDGET;
            case NONE ->
                "it has no budget of this kind (an unlimited budget, or a daily budget only)";
          };
      case SET_DAILY_CAP ->
          state.dailyCapApplies()
              ? null
              : "a daily cap does not apply to it: DV360 applies dailyMaxMicros only with daily pacing, Meta takes a daily budget only on a daily-budget ad set, TTD campaign-level budgeting allocates daily targets itself";
      case PAUSE -> null;
    };
  }

  @Override
  public String toString() {
    return value == null ? type.code() : type.code() + " " + value.toPlainString();
  }
}

package io.adlake.jobs.writeback;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One change to an entity: pause, resume, set_budget or set_daily_cap (with the value in major units).
 */
public record Change(String type, BigDecimal value) {

  public Change {
    switch (type) {
      case "pause", "resume" -> {
        if (value != null) {
          throw new IllegalArgumentException(type + " takes no value");
        }
      }
      case "set_budget", "set_daily_cap" -> {
        if (value == null || value.signum() <= 0) {
          throw new IllegalArgumentException(type + " needs a positive amount, was " + value);
        }
        value = value.setScale(2, RoundingMode.HALF_UP);
      }
      default -> throw new IllegalArgumentException("unknown change '" + type + "'; changes are pause, resume, set_budget, set_daily_cap");
    }
  }

  /** Whether the entity already is as this change would leave it (then there is nothing to do). */
  public boolean satisfiedBy(EntityState state) {
    return switch (type) {
      case "pause" -> !state.active();
      case "resume" -> state.active();
      case "set_budget" -> state.budget() != null && state.budget().compareTo(value) == 0;
      default -> state.dailyCap() != null && state.dailyCap().compareTo(value) == 0;
    };
  }

  /**
   * Why this change cannot have its intended effect on the entity as it is, or null when it can: resuming under a
   * paused parent serves nothing, a money amount does not belong in an impression or system-set budget, and a daily
   * cap does nothing without daily pacing. Write-back refuses such a change instead of reporting it applied.
   */
  public String refusal(EntityState state) {
    return switch (type) {
      case "resume" -> Boolean.FALSE.equals(state.parentActive())
          ? "its insertion order is not active: a line item under a paused or archived insertion order does not serve even when active; resume the insertion order first"
          : null;
      case "set_budget" -> switch (state.budgetKind()) {
        case EntityState.MONEY -> null;
        case EntityState.IMPRESSIONS -> "its budget counts impressions, not money; a money amount cannot be set on it";
        case EntityState.AUTOMATIC -> "its budget is allocated automatically by its insertion order; the platform sets it, not write-back";
        case EntityState.CAMPAIGN -> "it has no budget of its own: its campaign allocates the budget (TTD campaign-level budgeting, Meta campaign budget); change the campaign instead";
        default -> "it has no budget of this kind (an unlimited budget, or a daily budget only)";
      };
      case "set_daily_cap" -> state.dailyCapApplies()
          ? null
          : "a daily cap does not apply to it: DV360 applies dailyMaxMicros only with daily pacing, Meta takes a daily budget only on a daily-budget ad set, TTD campaign-level budgeting allocates daily targets itself";
      default -> null;
    };
  }

  @Override
  public String toString() {
    return value == null ? type : type + " " + value.toPlainString();
  }
}

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

  @Override
  public String toString() {
    return value == null ? type : type + " " + value.toPlainString();
  }
}

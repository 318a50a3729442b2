package io.adlake.model;

import java.util.Arrays;
import java.util.List;

/**
 * A change write-back can make to a platform entity. {@link #code()} is what rules, {@code
 * ops.writeback_actions} and the audit log write.
 */
public enum ChangeType {
  PAUSE("pause", false),
  RESUME("resume", false),
  /** the flight or lifetime budget */
  SET_BUDGET("set_budget", true),
  /** the daily cap (DV360 daily maximum, TTD daily target, Meta daily budget) */
  SET_DAILY_CAP("set_daily_cap", true);

  private final String code;
  private final boolean amount;

  ChangeType(String code, boolean amount) {
    this.code = code;
    this.amount = amount;
  }

  public String code() {
    return code;
  }

  /** Whether the change carries an amount (set_budget, set_daily_cap) or none (pause, resume). */
  public boolean setsAmount() {
    return amount;
  }

  /** The change of a code; an unknown one is refused with the codes there are. */
  public static ChangeType ofCode(String code) {
    for (ChangeType type : values()) {
      if (type.code.equals(code)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown change '" + code + "'; changes are " + codes());
  }

  /** pause, resume, set_budget, set_daily_cap */
  public static List<String> codes() {
    return Arrays.stream(values()).map(ChangeType::code).toList();
  }
}

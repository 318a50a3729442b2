package io.adlake.transforms.writeback;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The status of a write-back action, and which status may follow which: the state machine of {@link
 * WritebackActions}. {@link #code()} is what {@code ops.writeback_actions.status} holds.
 */
public enum ActionStatus {
  PROPOSED,
  APPROVED,
  REJECTED,
  SUPERSEDED,
  WITHDRAWN,
  EXECUTING,
  DONE,
  SKIPPED,
  FAILED;

  /**
   * Nothing has been sent for these: plan may still supersede or withdraw them, a person may still
   * reject them.
   */
  public static final Set<ActionStatus> PENDING = EnumSet.of(PROPOSED, APPROVED);

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether an action in this status may move to {@code next}. A decision is made on a proposed
   * action (reject also on an approved one); plan supersedes or withdraws a pending one and
   * proposes a superseded or withdrawn one anew when its alert proposes it again; execute starts
   * from approved, from failed (another attempt) and from executing (an attempt that died before
   * recording its result), and ends in done, skipped or failed.
   */
  public boolean canBecome(ActionStatus next) {
    return switch (this) {
      case PROPOSED -> EnumSet.of(APPROVED, REJECTED, SUPERSEDED, WITHDRAWN).contains(next);
      case APPROVED -> EnumSet.of(EXECUTING, REJECTED, SUPERSEDED, WITHDRAWN).contains(next);
      case SUPERSEDED, WITHDRAWN -> next == PROPOSED;
      case EXECUTING -> EnumSet.of(EXECUTING, DONE, SKIPPED, FAILED).contains(next);
      case FAILED -> next == EXECUTING;
      case REJECTED, DONE, SKIPPED -> false;
    };
  }

  public static ActionStatus ofCode(String code) {
    for (ActionStatus status : values()) {
      if (status.code().equals(code)) {
        return status;
      }
    }
    throw new IllegalArgumentException(
        "unknown write-back status '"
            + code
            + "'; statuses are "
            + codes(EnumSet.allOf(ActionStatus.class)));
  }

  /** The codes of some statuses, for a Spark {@code isin}. */
  public static List<String> codes(Set<ActionStatus> statuses) {
    return Arrays.stream(values()).filter(statuses::contains).map(ActionStatus::code).toList();
  }
}

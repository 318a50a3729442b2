package io.adlake.transforms.writeback;

import static io.adlake.transforms.writeback.ActionStatus.APPROVED;
import static io.adlake.transforms.writeback.ActionStatus.DONE;
import static io.adlake.transforms.writeback.ActionStatus.EXECUTING;
import static io.adlake.transforms.writeback.ActionStatus.FAILED;
import static io.adlake.transforms.writeback.ActionStatus.PROPOSED;
import static io.adlake.transforms.writeback.ActionStatus.REJECTED;
import static io.adlake.transforms.writeback.ActionStatus.SKIPPED;
import static io.adlake.transforms.writeback.ActionStatus.SUPERSEDED;
import static io.adlake.transforms.writeback.ActionStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The state machine drawn in WritebackActions, edge by edge. */
class ActionStatusTest {

  @Test
  void onlyTheDrawnTransitionsAreAllowed() {
    assertThat(PROPOSED.canBecome(APPROVED)).isTrue();
    assertThat(PROPOSED.canBecome(EXECUTING)).as("nothing runs without an approval").isFalse();
    assertThat(APPROVED.canBecome(EXECUTING)).isTrue();
    assertThat(APPROVED.canBecome(REJECTED)).isTrue();
    assertThat(APPROVED.canBecome(APPROVED)).isFalse();
    assertThat(EXECUTING.canBecome(EXECUTING))
        .as("an attempt that died before recording its result")
        .isTrue();
    assertThat(FAILED.canBecome(EXECUTING)).isTrue();
    assertThat(FAILED.canBecome(APPROVED)).isFalse();
    assertThat(SUPERSEDED.canBecome(PROPOSED)).as("proposed anew").isTrue();
    assertThat(WITHDRAWN.canBecome(APPROVED)).isFalse();
    for (ActionStatus end : new ActionStatus[] {DONE, SKIPPED, REJECTED}) {
      for (ActionStatus next : ActionStatus.values()) {
        assertThat(end.canBecome(next)).as("%s is final, not -> %s", end, next).isFalse();
      }
    }
  }

  @Test
  void codesAreTheTableValues() {
    assertThat(ActionStatus.ofCode("executing")).isEqualTo(EXECUTING);
    assertThat(ActionStatus.codes(ActionStatus.PENDING)).containsExactly("proposed", "approved");
    assertThat(ActionStatus.codes(ActionStatus.PENDING)).containsExactly("proposed", "approved");
    assertThatThrownBy(() -> ActionStatus.ofCode("paused"))
        .hasMessageStartingWith(
            "unknown write-back status 'paused'; statuses are [proposed, approved");
  }
}

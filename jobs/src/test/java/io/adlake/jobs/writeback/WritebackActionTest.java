package io.adlake.jobs.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adlake.model.ChangeType;
import io.adlake.model.Platform;
import io.adlake.transforms.writeback.ActionStatus;
import io.adlake.transforms.writeback.WritebackActions;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class WritebackActionTest {
  private static final Instant PLANNED = Instant.parse("2026-11-08T07:00:00Z");

  private static WritebackAction proposed() {
    return new WritebackAction(
        "a1",
        new WritebackAction.Alert("alert-1", LocalDate.of(2026, 11, 7), "behind_plan"),
        new WritebackAction.Target("acme", Platform.TTD, "ad_group", "ag1", "Prospecting", null),
        new WritebackAction.Proposal(
            ChangeType.SET_DAILY_CAP,
            new BigDecimal("3000.00"),
            "USD",
            new BigDecimal("2400.00"),
            "EUR",
            true,
            null,
            new BigDecimal("2500.00"),
            new BigDecimal("1000.00"),
            true,
            "planner",
            PLANNED),
        ActionStatus.PROPOSED,
        null,
        new WritebackAction.Decision(null, null, null),
        new WritebackAction.Execution(0, null, null, null, null, null, null),
        PLANNED);
  }

  @Test
  void aRowOfTheLedgerReadsBackAsTheSameAction() {
    WritebackAction action =
        proposed()
            .decided(ActionStatus.APPROVED, "checker", "ok", PLANNED.plusSeconds(60))
            .executing("ops", PLANNED.plusSeconds(120));

    Row row = action.toRow();

    assertThat(row.schema()).isEqualTo(WritebackActions.SCHEMA);
    assertThat((String) row.getAs("change_type")).isEqualTo("set_daily_cap");
    assertThat((String) row.getAs("platform")).isEqualTo("ttd");
    assertThat((String) row.getAs("status")).isEqualTo("executing");
    assertThat((Integer) row.getAs("attempts")).isEqualTo(1);
    assertThat(WritebackAction.fromRow(row)).isEqualTo(action);
    assertThat(action.describeChange()).isEqualTo("set_daily_cap 3000.00 USD (2400.00 EUR)");
  }

  @Test
  void onlyTheStateMachinesTransitionsAreAllowed() {
    WritebackAction action = proposed();

    assertThatThrownBy(() -> action.executing("ops", PLANNED))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("write-back action a1 cannot go from proposed to executing");
    WritebackAction failed =
        action
            .decided(ActionStatus.APPROVED, "checker", null, PLANNED)
            .executing("ops", PLANNED)
            .finished(ActionStatus.FAILED, "failed", "HTTP 500", null, null, PLANNED);
    assertThat(failed.executing("ops", PLANNED.plusSeconds(1)).execution().attempts())
        .as("a failed action is tried again, counted")
        .isEqualTo(2);
    WritebackAction rejected = action.decided(ActionStatus.REJECTED, "checker", "no", PLANNED);
    assertThatThrownBy(() -> rejected.decided(ActionStatus.APPROVED, "checker", null, PLANNED))
        .hasMessageContaining("cannot go from rejected to approved");
  }
}

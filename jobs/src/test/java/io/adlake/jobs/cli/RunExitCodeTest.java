package io.adlake.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.jobs.run.RunOutcome;
import io.adlake.jobs.run.RunRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What `adlake run` exits with for each way an attempt ends: Airflow maps these
 * (dags/adlake_airflow/operators.py).
 */
class RunExitCodeTest {

  @Test
  void aPublishWithHeldOrgsHasItsOwnCodeAndATableWideFailureStays7() {
    assertThat(RunCommand.exitCode(outcome("published", List.of()))).isEqualTo(ExitCodes.OK);
    assertThat(RunCommand.exitCode(outcome("published", List.of("acme"))))
        .isEqualTo(ExitCodes.ORGS_HELD)
        .isEqualTo(12);
    assertThat(RunCommand.exitCode(outcome("silver_passed", List.of("acme"))))
        .as("a step of an attempt that holds an org")
        .isEqualTo(12);
    assertThat(RunCommand.exitCode(outcome("gate_failed", List.of("acme"))))
        .isEqualTo(ExitCodes.GATE_FAILED);
    assertThat(RunCommand.exitCode(outcome("main_moved", List.of("acme"))))
        .isEqualTo(ExitCodes.PUBLISH_CONFLICT);
  }

  private static RunOutcome outcome(String status, List<String> held) {
    LocalDate day = LocalDate.of(2026, 11, 4);
    RunRecord record =
        new RunRecord(
            "run-2026-11-04-0123456789",
            1,
            "run",
            "publish",
            day,
            day,
            day.minusDays(1),
            List.of("acme", "kiwi"),
            held,
            "jdbc",
            "run-2026-11-04-0123456789",
            status,
            Instant.EPOCH,
            Instant.EPOCH,
            10,
            9,
            1,
            Map.of(),
            Map.of(),
            Map.of(),
            null,
            null,
            null);
    return new RunOutcome(
        record, Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
  }
}

package io.adlake.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.SharedSpark;
import io.adlake.jobs.publish.IcebergTableBranches;
import io.adlake.jobs.publish.RunBranches;
import io.adlake.model.Tables;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A run step by step, as Airflow's tasks run it, each step a new {@link PipelineRun} that knows
 * only what the ledger says: steps in the wrong order are refused, a step repeated after success
 * does nothing, and a silver step repeated mid-attempt begins a fresh attempt that publishes the
 * same way.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunStepsTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
  private static final RunRequest REQUEST = RunRequest.daily(DAY);

  private Lakehouse lakehouse;
  private SampleRunFixture samples;

  @BeforeAll
  void ingestOneDay() throws IOException {
    lakehouse = SharedSpark.newLakehouse();
    samples = new SampleRunFixture(DAY, 1);
    assertThat(pipeline().ingest(REQUEST).reconciles()).isTrue();
  }

  @Test
  @Order(1)
  void aStepBeforeItsPredecessorIsRefusedAndNamesWhatIsMissing() {
    assertThatThrownBy(() -> step(RunStep.GOLD))
        .isInstanceOf(StepOrderException.class)
        .hasMessageContaining("the silver step begins one");

    RunOutcome silver = step(RunStep.SILVER);
    assertThat(silver.status()).isEqualTo(RunStatus.SILVER_BUILT);
    assertThat(silver.record().attempt()).isEqualTo(1);
    assertThat(lakehouse.read(Tables.SILVER_DELIVERY).count())
        .as("silver on main before the publish")
        .isZero();

    assertThatThrownBy(() -> step(RunStep.GOLD))
        .isInstanceOf(StepOrderException.class)
        .hasMessageContaining(
            "attempt 1 is at silver_built; step gold needs step silver-gate first");
  }

  @Test
  @Order(2)
  void aStepRepeatedAfterSuccessDoesNothing() {
    assertThat(step(RunStep.SILVER_GATE).status()).isEqualTo(RunStatus.SILVER_PASSED);
    long rows = ledgerRows();

    RunOutcome again = step(RunStep.SILVER_GATE);

    assertThat(again.status()).isEqualTo(RunStatus.SILVER_PASSED);
    assertThat(again.silverGate()).isEmpty();
    assertThat(again.record().message()).contains("already; step silver-gate has nothing to do");
    assertThat(ledgerRows()).isEqualTo(rows);
  }

  @Test
  @Order(3)
  void silverRepeatedMidAttemptBeginsAFreshAttemptThatPublishes() {
    RunOutcome silver = step(RunStep.SILVER);
    assertThat(silver.record().attempt()).isEqualTo(2);
    assertThat(silver.status()).isEqualTo(RunStatus.SILVER_BUILT);
    // The first attempt's passed gate does not carry over: the new attempt's silver is gated again.
    assertThatThrownBy(() -> step(RunStep.GOLD)).isInstanceOf(StepOrderException.class);

    step(RunStep.SILVER_GATE);
    RunOutcome gold = step(RunStep.GOLD);
    assertThat(gold.status()).isEqualTo(RunStatus.GOLD_BUILT);
    Map<String, Long> staged = gold.record().stagedSnapshots();
    assertThat(step(RunStep.GOLD).record().stagedSnapshots()).isEqualTo(staged);
    assertThat(lakehouse.snapshotIds(Tables.PUBLISHED, gold.record().branch()))
        .as("gold repeated: no new snapshot on the branch")
        .isEqualTo(staged);
    assertThat(step(RunStep.GOLD_GATE).status()).isEqualTo(RunStatus.GOLD_PASSED);

    RunOutcome publish = step(RunStep.PUBLISH);

    assertThat(publish.status()).isEqualTo(RunStatus.PUBLISHED);
    assertThat(publish.record().silverGate()).isNotNull();
    assertThat(publish.record().goldGate()).isNotNull();
    assertThat(SampleRunFixture.publishedSnapshots(lakehouse)).containsAllEntriesOf(staged);
    assertThat(lakehouse.read(Tables.GOLD_PACING).count()).isPositive();
    SampleRunFixture.assertGrainsUnique(lakehouse);
  }

  @Test
  @Order(4)
  void everyStepRepeatedAfterThePublishLeavesMainAsItIs() {
    Map<String, Long> published = SampleRunFixture.publishedSnapshots(lakehouse);

    assertThat(step(RunStep.PUBLISH).record().message())
        .contains("is published; nothing to do for step publish");
    RunOutcome silver = step(RunStep.SILVER);
    assertThat(silver.status()).isEqualTo(RunStatus.ALREADY_PUBLISHED);
    assertThat(silver.record().attempt()).isEqualTo(3);
    for (RunStep step :
        new RunStep[] {RunStep.SILVER_GATE, RunStep.GOLD, RunStep.GOLD_GATE, RunStep.PUBLISH}) {
      assertThat(step(step).status()).as(step.id()).isEqualTo(RunStatus.ALREADY_PUBLISHED);
    }

    assertThat(SampleRunFixture.publishedSnapshots(lakehouse)).isEqualTo(published);
  }

  /** Each step in a pipeline of its own, as each Airflow task is a process of its own. */
  private RunOutcome step(RunStep step) {
    return pipeline().step(REQUEST, step);
  }

  private PipelineRun pipeline() {
    return samples.pipeline(
        lakehouse,
        RunBranches.of(
            branch -> IcebergTableBranches.begin(lakehouse, branch),
            branch -> IcebergTableBranches.open(lakehouse, branch)),
        "jdbc");
  }

  private long ledgerRows() {
    return lakehouse.read(Tables.JOB_RUNS).count();
  }
}

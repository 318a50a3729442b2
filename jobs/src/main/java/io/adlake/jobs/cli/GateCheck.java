package io.adlake.jobs.cli;

import io.adlake.quality.ConstraintOutcome;

/**
 * A check of a run's gate as {@code adlake quality report} prints it: one row of
 * ops.quality_results, the outcome as the gate recorded it (which also says whether it failed, and
 * whether it blocked the publish) and the layer it gated.
 */
record GateCheck(String layer, ConstraintOutcome outcome) {}

package io.adlake.jobs.run;

import io.adlake.catalog.Lakehouse;
import io.adlake.jobs.publish.PublishResult;
import io.adlake.jobs.publish.RunBranches;
import io.adlake.jobs.publish.WriteAuditPublish;
import io.adlake.model.TableSpec;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A run during which something happens after the gates passed and just before the publish: another
 * writer commits to main, or an earlier attempt's publish already landed part of the run.
 */
record BeforePublish(WriteAuditPublish run, Runnable before) implements WriteAuditPublish {

  /** The catalog's branches, with {@code before} run when a step publishes. */
  static RunBranches around(RunBranches branches, Runnable before) {
    return RunBranches.of(
        branches::begin, branch -> new BeforePublish(branches.open(branch), before));
  }

  @Override
  public String branch() {
    return run.branch();
  }

  @Override
  public Lakehouse staged() {
    return run.staged();
  }

  @Override
  public Optional<Dataset<Row>> mainRows(TableSpec table) {
    return run.mainRows(table);
  }

  @Override
  public Optional<Column> changedRows(TableSpec table) {
    return run.changedRows(table);
  }

  @Override
  public Map<String, Long> stagedSnapshots() {
    return run.stagedSnapshots();
  }

  @Override
  public PublishResult publish() {
    before.run();
    return run.publish();
  }

  @Override
  public void close() {
    run.close();
  }
}

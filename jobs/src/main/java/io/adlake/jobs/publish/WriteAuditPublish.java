package io.adlake.jobs.publish;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.tables.BranchChanges;
import io.adlake.model.TableSpec;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A run's isolated view of silver and gold: the run writes there, the gates audit there, and {@link
 * #publish} makes it what readers see, or nothing does.
 *
 * <p>What happens when main moved during the run is the same on both catalogs: the publish is
 * refused if a table the run wrote was changed on main after the run began (another run published
 * it, someone wrote it by hand). Nothing is published then, the branch is kept, and the run must be
 * redone on top of the new main. Changes on main to tables the run did not write do not block it.
 */
public interface WriteAuditPublish extends AutoCloseable {

  /** The branch the run writes to: an Iceberg branch per table, or one Nessie branch. */
  String branch();

  /** Where the run reads and writes silver and gold, and what the gates read. */
  Lakehouse staged();

  /**
   * A table as readers of main see it now (empty when main has no snapshot of it yet), whatever the
   * run wrote.
   */
  Optional<Dataset<Row>> mainRows(TableSpec table);

  /**
   * The rows of a table the run changed on its branch, as a condition ({@link BranchChanges});
   * empty when the whole table is to be judged. A table the run did not write matches no rows.
   */
  Optional<Column> changedRows(TableSpec table);

  /** The snapshot each table written by the run has on the branch, by table path. */
  Map<String, Long> stagedSnapshots();

  /**
   * Makes every table the run wrote visible on main, all or (as far as the catalog allows) none.
   * Publishing a run that is already published changes nothing and says so.
   */
  PublishResult publish();

  /** Leaves the branch where it is, for inspection or a later publish, and restores the session. */
  @Override
  void close();
}

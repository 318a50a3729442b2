package io.adlake.jobs.publish;

import static org.apache.spark.sql.functions.col;

import io.adlake.catalog.tables.OrgFilter;
import io.adlake.catalog.tables.SliceMerge;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import io.adlake.model.org.OrgScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Takes held orgs out of a run before it publishes: on the run's branch, each silver and gold
 * table's rows of those orgs become main's rows of them again (one MERGE per table), so the publish
 * carries none of their slices and main keeps their last published rows, while every other org
 * publishes in the same atomic publish. What the held orgs' rows were on the branch stays readable
 * in the snapshots before this one (their ids are in the ledger).
 */
public final class HeldOrgRestore {
  private HeldOrgRestore() {}

  private static final StructType ORG = new StructType().add("org_id", DataTypes.StringType, false);

  /**
   * @return the tables whose held rows were restored
   */
  public static List<String> restore(WriteAuditPublish run, Set<String> orgs, String runId) {
    List<String> restored = new ArrayList<>();
    if (orgs.isEmpty()) {
      return restored;
    }
    OrgScope held = OrgScope.only(orgs);
    List<Row> keys = held.named().stream().map(o -> RowFactory.create(o)).toList();
    for (TableSpec table : Tables.PUBLISHED) {
      if (!run.staged().exists(table)) {
        continue;
      }
      Dataset<Row> staged = run.staged().read(table);
      Dataset<Row> onMain =
          run.mainRows(table)
              .map(
                  rows ->
                      rows.filter(OrgFilter.of(held, col("org_id"))).selectExpr(staged.columns()))
              .orElse(staged.limit(0));
      SliceMerge.merge(
          run.staged(), table, onMain, run.staged().spark().createDataFrame(keys, ORG), runId);
      restored.add(table.path());
    }
    return restored;
  }
}

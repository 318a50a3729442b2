package io.adlake.catalog.tables;

import static org.apache.spark.sql.functions.lit;

import io.adlake.model.org.OrgScope;
import org.apache.spark.sql.Column;

/**
 * The condition "row is of an org in the scope", the one place an {@link OrgScope} becomes a
 * filter: every org is {@code true}, which Spark drops, so a job over every org reads as it would
 * unfiltered; named orgs are one IN list of literals, which Iceberg prunes by, and naming none
 * matches no row.
 */
public final class OrgFilter {
  private OrgFilter() {}

  /**
   * @param org the org column of the rows filtered, e.g. {@code col("org_id")}
   */
  public static Column of(OrgScope scope, Column org) {
    return scope.isAll() ? lit(true) : org.isin(scope.named().toArray());
  }
}

package io.adlake.catalog.tables;

/**
 * What {@link SliceMerge#mergeChecked} replaced in one table: the slices, and the rows they now
 * hold.
 *
 * @param table the table's path, e.g. silver.delivery_daily
 */
public record MergedSlices(String table, long slices, long rows) {

  /**
   * What a job prints once the table is merged, e.g. {@code silver.fx_rates: 18 row(s) in 3
   * slice(s) merged}.
   */
  public String summary() {
    return table + ": " + rows + " row(s) in " + slices + " slice(s) merged";
  }
}

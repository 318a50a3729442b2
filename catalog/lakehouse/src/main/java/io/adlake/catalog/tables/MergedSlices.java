package io.adlake.catalog.tables;

/**
 * What {@link SliceMerge#mergeChecked} replaced in one table: the slices, and the rows they now hold.
 *
 * @param table the table's path, e.g. silver.delivery_daily
 */
public record MergedSlices(String table, long slices, long rows) {}

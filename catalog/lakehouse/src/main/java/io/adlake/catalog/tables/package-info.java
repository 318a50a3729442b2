/**
 * How jobs write Iceberg tables and pick their rows, each helper named for what it does: {@link
 * io.adlake.catalog.tables.SliceMerge} merges slices by the table's grain (one MERGE: update,
 * insert, delete what the slice no longer has), {@link io.adlake.catalog.tables.TableWrites}
 * appends or overwrites the partitions a filter names, both stamping the run's batch id on the
 * snapshot; {@link io.adlake.catalog.tables.SliceFilter} builds the "row is in one of these slices"
 * condition and {@link io.adlake.catalog.tables.OrgFilter} the "row is of an org in the scope" one.
 */
package io.adlake.catalog.tables;

/**
 * How jobs write Iceberg tables, each helper named for what it does: {@link io.adlake.jobs.tables.SliceMerge}
 * merges slices by the table's grain (one MERGE: update, insert, delete what the slice no longer has),
 * {@link io.adlake.jobs.tables.TableWrites} appends or overwrites the partitions a filter names, both stamping the run's
 * batch id on the snapshot; {@link io.adlake.jobs.tables.SliceFilter} builds the "row is in one of these slices" condition.
 */
package io.adlake.jobs.tables;

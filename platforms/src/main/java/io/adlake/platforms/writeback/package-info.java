/**
 * The seam a platform's write-back plugs into: one vocabulary of entities, their state and the
 * changes adlake makes ({@link io.adlake.platforms.writeback.Change}, {@link
 * io.adlake.platforms.writeback.EntityState}), and the {@link
 * io.adlake.platforms.writeback.PlatformAdapter} that reads and changes them on one platform. The
 * reasons a change cannot work are worded once ({@link io.adlake.platforms.writeback.Refusals}) for
 * the plan and the execution.
 */
package io.adlake.platforms.writeback;

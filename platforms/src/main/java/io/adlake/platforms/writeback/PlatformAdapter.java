package io.adlake.platforms.writeback;

/** One DSP's API for the entities write-back changes: read the current state, and change it. */
public interface PlatformAdapter {

  EntityState read(EntityRef entity);

  /** Makes the change and returns the state the platform reports afterwards. */
  EntityState apply(EntityRef entity, Change change);
}

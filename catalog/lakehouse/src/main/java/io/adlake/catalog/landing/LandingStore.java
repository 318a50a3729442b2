package io.adlake.catalog.landing;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * Where exports land. Serializable so Spark executors can open files themselves: the driver only
 * lists.
 */
public interface LandingStore extends Serializable {

  /** Every file under the location, recursively, sorted by URI. */
  List<LandedFile> list(String location) throws IOException;

  /**
   * Like {@link #list}, but a location nothing was written under yet is empty rather than an error.
   */
  default List<LandedFile> listIfPresent(String location) throws IOException {
    return list(location);
  }

  InputStream open(String uri) throws IOException;

  /** Writes a file; used by the sample generator and tests. */
  void write(String uri, byte[] content) throws IOException;

  /**
   * Places a finished local file at {@code uri} so that a reader sees either nothing or all of it,
   * never a part: a connector's download goes through here. The file at {@code uri}, if any, is
   * replaced.
   */
  void put(String uri, Path file) throws IOException;
}

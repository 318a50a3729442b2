package io.adlake.catalog.landing;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;

/**
 * Where exports land. Serializable so Spark executors can open files themselves: the driver only lists.
 */
public interface LandingStore extends Serializable {

  /** Every file under the location, recursively, sorted by URI. */
  List<LandedFile> list(String location) throws IOException;

  InputStream open(String uri) throws IOException;

  /** Writes a file; used by the sample generator and tests. */
  void write(String uri, byte[] content) throws IOException;
}

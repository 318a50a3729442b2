package io.adlake.catalog.landing;

import java.io.Serializable;

/**
 * A file in the landing zone: its full URI ({@code file:/...} or {@code s3://...}) and size in
 * bytes.
 */
public record LandedFile(String uri, long size) implements Serializable {

  public String fileName() {
    return uri.substring(uri.lastIndexOf('/') + 1);
  }
}

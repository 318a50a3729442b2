package io.adlake.catalog.landing;

import io.adlake.model.config.S3Settings;

/** Picks the store for a location by its scheme. */
public final class LandingStores {
  private LandingStores() {}

  public static LandingStore forLocation(String location, S3Settings s3) {
    if (location.startsWith("s3://") || location.startsWith("s3a://")) {
      return new S3LandingStore(s3);
    }
    return new LocalLandingStore();
  }

  /** Joins a root location and a relative path with exactly one slash. */
  public static String join(String root, String relative) {
    String base = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    return base + "/" + relative;
  }
}

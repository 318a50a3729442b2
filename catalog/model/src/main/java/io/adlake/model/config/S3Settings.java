package io.adlake.model.config;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to reach S3, for the landing zone and for an {@code s3://} warehouse alike. Credentials are
 * never configured here: they come from the AWS default credential chain (environment, profile,
 * instance role).
 *
 * @param endpoint empty for AWS itself; an http URL for an S3-compatible server
 * @param pathStyle true for servers that do not support virtual-hosted buckets
 */
public record S3Settings(String region, String endpoint, boolean pathStyle)
    implements Serializable {

  public static S3Settings defaults() {
    return new S3Settings("us-east-1", "", false);
  }

  /**
   * The same settings as Iceberg's S3FileIO names them, so an {@code s3://} warehouse reaches the
   * server the landing zone does without a second copy of the endpoint in {@code
   * catalog.properties}.
   */
  public Map<String, String> icebergProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("client.region", region);
    if (!endpoint.isBlank()) {
      properties.put("s3.endpoint", endpoint);
    }
    properties.put("s3.path-style-access", String.valueOf(pathStyle));
    return properties;
  }
}

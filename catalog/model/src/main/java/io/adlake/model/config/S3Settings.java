package io.adlake.model.config;

import java.io.Serializable;

/**
 * How to reach S3 for the landing zone. Credentials are never configured here: they come from the AWS default
 * credential chain (environment, profile, instance role).
 *
 * @param endpoint  empty for AWS itself; an http URL for an S3-compatible server
 * @param pathStyle true for servers that do not support virtual-hosted buckets
 */
public record S3Settings(String region, String endpoint, boolean pathStyle) implements Serializable {

  public static S3Settings defaults() {
    return new S3Settings("us-east-1", "", false);
  }
}

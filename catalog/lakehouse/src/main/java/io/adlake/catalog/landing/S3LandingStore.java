package io.adlake.catalog.landing;

import io.adlake.model.config.S3Settings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A landing zone under an S3 prefix, read with the AWS SDK v2. Credentials come from the default
 * credential chain; this class never sees or logs them.
 */
public final class S3LandingStore implements LandingStore {

  private final S3Settings settings;
  private transient S3Client client;

  public S3LandingStore(S3Settings settings) {
    this.settings = settings;
  }

  private synchronized S3Client client() {
    if (client == null) {
      S3ClientBuilder builder =
          S3Client.builder()
              .region(Region.of(settings.region()))
              .forcePathStyle(settings.pathStyle());
      if (!settings.endpoint().isBlank()) {
        builder.endpointOverride(URI.create(settings.endpoint()));
      }
      client = builder.build();
    }
    return client;
  }

  @Override
  public List<LandedFile> list(String location) throws IOException {
    S3Location loc = S3Location.parse(location);
    List<LandedFile> files = new ArrayList<>();
    try {
      ListObjectsV2Request request =
          ListObjectsV2Request.builder().bucket(loc.bucket()).prefix(loc.key()).build();
      for (S3Object object : client().listObjectsV2Paginator(request).contents()) {
        if (!object.key().endsWith("/")) {
          files.add(new LandedFile("s3://" + loc.bucket() + "/" + object.key(), object.size()));
        }
      }
    } catch (SdkException e) {
      throw new IOException("cannot list " + location + ": " + e.getMessage(), e);
    }
    files.sort(Comparator.comparing(LandedFile::uri));
    return files;
  }

  @Override
  public InputStream open(String uri) throws IOException {
    S3Location loc = S3Location.parse(uri);
    try {
      return client()
          .getObject(GetObjectRequest.builder().bucket(loc.bucket()).key(loc.key()).build());
    } catch (SdkException e) {
      throw new IOException("cannot read " + uri + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void write(String uri, byte[] content) throws IOException {
    S3Location loc = S3Location.parse(uri);
    try {
      client()
          .putObject(
              PutObjectRequest.builder().bucket(loc.bucket()).key(loc.key()).build(),
              RequestBody.fromBytes(content));
    } catch (SdkException e) {
      throw new IOException("cannot write " + uri + ": " + e.getMessage(), e);
    }
  }

  /** One PutObject: S3 shows an object only once it is whole, so no temporary name is needed. */
  @Override
  public void put(String uri, Path file) throws IOException {
    S3Location loc = S3Location.parse(uri);
    try {
      client()
          .putObject(
              PutObjectRequest.builder().bucket(loc.bucket()).key(loc.key()).build(),
              RequestBody.fromFile(file));
    } catch (SdkException e) {
      throw new IOException("cannot write " + uri + ": " + e.getMessage(), e);
    }
  }

  record S3Location(String bucket, String key) {
    static S3Location parse(String uri) {
      if (!uri.startsWith("s3://") && !uri.startsWith("s3a://")) {
        throw new IllegalArgumentException("not an S3 location: '" + uri + "'");
      }
      String rest = uri.substring(uri.indexOf("://") + 3);
      int slash = rest.indexOf('/');
      String bucket = slash < 0 ? rest : rest.substring(0, slash);
      String key = slash < 0 ? "" : rest.substring(slash + 1);
      if (bucket.isBlank()) {
        throw new IllegalArgumentException("S3 location has no bucket: '" + uri + "'");
      }
      return new S3Location(bucket, key);
    }
  }
}

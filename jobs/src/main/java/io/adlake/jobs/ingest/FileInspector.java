package io.adlake.jobs.ingest;

import io.adlake.catalog.landing.LandedFile;
import io.adlake.catalog.landing.LandingStore;
import io.adlake.transforms.formats.ExportEncoding;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Checksums every landed file (SHA-256 of the bytes as delivered) and reads its first line, on the
 * executors: the checksum decides whether a file was seen before, the first line which format it is
 * in.
 */
public final class FileInspector {
  private FileInspector() {}

  private static final int MAX_FIRST_LINE = 1 << 16;

  public static List<FileFacts> inspect(
      SparkSession spark, LandingStore store, List<LandedFile> files) {
    if (files.isEmpty()) {
      return List.of();
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int slices = Math.max(1, Math.min(files.size(), jsc.defaultParallelism() * 4));
    return jsc.parallelize(files, slices).map(f -> inspect(store, f)).collect();
  }

  static FileFacts inspect(LandingStore store, LandedFile file) throws IOException {
    MessageDigest digest = sha256();
    try (InputStream in = new DigestInputStream(store.open(file.uri()), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    String firstLine;
    try (BufferedInputStream content =
            new BufferedInputStream(ExportStreams.open(store, file.uri()));
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(content, ExportEncoding.of(content)))) {
      char[] buffer = new char[MAX_FIRST_LINE];
      int n = reader.read(buffer);
      String head = n <= 0 ? "" : new String(buffer, 0, n);
      int newline = head.indexOf('\n');
      firstLine =
          (newline < 0 ? head : head.substring(0, newline)).replace("\r", "").replace("\uFEFF", "");
    }
    return new FileFacts(
        file.uri(), file.size(), HexFormat.of().formatHex(digest.digest()), firstLine);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}

package io.adlake.platforms.fetch;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Where a fetcher puts what it downloaded. The landing zone itself (local or S3, compared with what
 * landed before) is the jobs' business; a fetcher only names the file and says how to read it.
 */
@FunctionalInterface
public interface Landing {

  /**
   * Lands a downloaded file as {@code <stem>-<day>.<extension>} of the org and source being
   * fetched.
   *
   * @param shape how to tell whether the file has rows and whether it says what the last landed
   *     version said
   */
  void land(String stem, LocalDate day, String extension, Path file, ReportShape shape);
}

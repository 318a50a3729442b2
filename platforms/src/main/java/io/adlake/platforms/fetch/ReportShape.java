package io.adlake.platforms.fetch;

import io.adlake.platforms.dv360.BidManagerApi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a fetched file says, as far as the landing drop needs it: whether it has data rows, and a
 * digest of its content without what changes on every run of the same report (DV360's "Report
 * Time:" footer), so an unchanged day is kept as the file already landed. Both read the file as a
 * stream of lines: a report of any size is compared without being held in memory.
 */
public enum ReportShape {
  /**
   * Bid Manager CSV: header, rows, a totals row with empty dimensions, a blank line, then footer
   * lines.
   */
  DV360_CSV {
    @Override
    public boolean hasRows(InputStream content) throws IOException {
      BufferedReader lines = lines(content);
      lines.readLine();
      for (String line = lines.readLine();
          line != null && !line.isBlank();
          line = lines.readLine()) {
        if (!line.startsWith(",")) {
          return true;
        }
      }
      return false;
    }

    @Override
    public boolean volatileLine(String line) {
      return line.startsWith(BidManagerApi.REPORT_TIME_FOOTER);
    }
  },
  /** A CSV with one header line (TTD MyReports, Salesforce Bulk API 2.0 results, SDF files). */
  CSV {
    @Override
    public boolean hasRows(InputStream content) throws IOException {
      BufferedReader lines = lines(content);
      lines.readLine();
      return anyNonBlank(lines);
    }
  },
  /** JSON lines written from an API's result pages (Meta Insights, TTD ad groups, Meta ad sets). */
  JSON_LINES {
    @Override
    public boolean hasRows(InputStream content) throws IOException {
      return anyNonBlank(lines(content));
    }
  };

  public abstract boolean hasRows(InputStream content) throws IOException;

  /** A line that differs between two runs of the same report without saying anything else. */
  public boolean volatileLine(String line) {
    return false;
  }

  /**
   * SHA-256 of the lines that are not volatile, line ends made one: equal digests mean the same
   * report.
   */
  public String stableDigest(InputStream content) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    BufferedReader lines = lines(content);
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (!volatileLine(line)) {
        digest.update(line.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static boolean anyNonBlank(BufferedReader lines) throws IOException {
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (!line.isBlank()) {
        return true;
      }
    }
    return false;
  }

  /** The content's lines (CRLF, CR or LF), a UTF-8 byte order mark dropped. */
  private static BufferedReader lines(InputStream content) throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8), 1 << 16);
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
    return reader;
  }
}

package io.adlake.jobs.connectors;

import io.adlake.model.platforms.BidManagerApi;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a fetched file says, as far as the landing drop needs it: whether it has data rows, and its content without
 * what changes on every run of the same report (DV360's "Report Time:" footer), so an unchanged day is kept as the
 * file already landed and ingest's checksum skips it.
 */
enum ReportShape {
  /** Bid Manager CSV: header, rows, a totals row with empty dimensions, a blank line, then footer lines. */
  DV360_CSV {
    @Override
    boolean hasRows(byte[] content) {
      List<String> lines = lines(content);
      for (int i = 1; i < lines.size() && !lines.get(i).isBlank(); i++) {
        if (!lines.get(i).startsWith(",")) {
          return true;
        }
      }
      return false;
    }

    @Override
    String stable(byte[] content) {
      return lines(content).stream().filter(l -> !l.startsWith(BidManagerApi.REPORT_TIME_FOOTER)).collect(Collectors.joining("\n"));
    }
  },
  /** A CSV with one header line (TTD MyReports, Salesforce Bulk API 2.0 results). */
  CSV {
    @Override
    boolean hasRows(byte[] content) {
      return lines(content).stream().skip(1).anyMatch(l -> !l.isBlank());
    }
  },
  /** JSON lines written from an API's result pages (Meta Insights). */
  JSON_LINES {
    @Override
    boolean hasRows(byte[] content) {
      return lines(content).stream().anyMatch(l -> !l.isBlank());
    }
  };

  abstract boolean hasRows(byte[] content);

  String stable(byte[] content) {
    return new String(content, StandardCharsets.UTF_8);
  }

  private static List<String> lines(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return Arrays.asList(text.split("\r?\n", -1));
  }
}

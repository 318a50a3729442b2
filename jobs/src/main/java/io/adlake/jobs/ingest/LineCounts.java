package io.adlake.jobs.ingest;

/**
 * What the lines of a file, or of all the files of a format, became when parsed: accepted rows,
 * quarantined rows and footer lines (platform totals and metadata). Footer lines are not rows: a
 * file's rows read are its accepted plus its quarantined rows.
 */
record LineCounts(long accepted, long quarantined, long footerLines) {

  static final LineCounts NONE = new LineCounts(0, 0, 0);

  long rowsRead() {
    return accepted + quarantined;
  }

  /**
   * These counts and {@code lines} more of a parse status; a status other than accepted or
   * quarantined is a footer.
   */
  LineCounts plus(String status, long lines) {
    return switch (status) {
      case ParseFile.ACCEPTED -> new LineCounts(accepted + lines, quarantined, footerLines);
      case ParseFile.QUARANTINED -> new LineCounts(accepted, quarantined + lines, footerLines);
      default -> new LineCounts(accepted, quarantined, footerLines + lines);
    };
  }
}

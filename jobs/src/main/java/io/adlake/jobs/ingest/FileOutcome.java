package io.adlake.jobs.ingest;

import io.adlake.catalog.landing.SliceKey;

/**
 * One file's fate in an ingest. For a written file, {@code rowsRead = rowsAccepted +
 * rowsQuarantined}; footer lines (platform totals and metadata) are not rows.
 */
public record FileOutcome(
    SliceKey slice,
    SliceAction action,
    String format,
    FileFacts file,
    long rowsRead,
    long rowsAccepted,
    long rowsQuarantined,
    long footerLines,
    String replacesBatchId,
    String reason) {}

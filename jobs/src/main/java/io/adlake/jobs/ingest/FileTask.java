package io.adlake.jobs.ingest;

import io.adlake.model.org.SourceOptions;
import java.io.Serializable;
import java.sql.Date;
import java.sql.Timestamp;

/** One file for an executor to parse, with everything its rows' lineage needs. */
record FileTask(
    String uri,
    String orgId,
    Date deliveryDate,
    String checksum,
    String format,
    SourceOptions options,
    String batchId,
    Timestamp ingestedAt)
    implements Serializable {}

package io.adlake.jobs.ingest;

import java.io.Serializable;

/** What the inspection pass learned about a landed file before anything is parsed. */
public record FileFacts(String uri, long size, String sha256, String firstLine)
    implements Serializable {}

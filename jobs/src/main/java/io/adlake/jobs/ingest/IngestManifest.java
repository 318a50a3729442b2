package io.adlake.jobs.ingest;

import static org.apache.spark.sql.functions.col;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.landing.SliceKey;
import io.adlake.catalog.tables.TableWrites;
import io.adlake.model.Source;
import io.adlake.model.Tables;
import io.adlake.model.org.OrgId;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code ops.ingest_manifest}: one row per file per ingest, append-only, so it is also the audit
 * trail of what arrived when. A slice's current content is the file set of its latest writing
 * ingest.
 */
public final class IngestManifest {

  static final StructType SCHEMA =
      new StructType()
          .add("batch_id", DataTypes.StringType)
          .add("org_id", DataTypes.StringType)
          .add("source", DataTypes.StringType)
          .add("delivery_date", DataTypes.DateType)
          .add("format", DataTypes.StringType)
          .add("source_file", DataTypes.StringType)
          .add("file_checksum", DataTypes.StringType)
          .add("file_size", DataTypes.LongType)
          .add("action", DataTypes.StringType)
          .add("replaces_batch_id", DataTypes.StringType)
          .add("reason", DataTypes.StringType)
          .add("rows_read", DataTypes.LongType)
          .add("rows_accepted", DataTypes.LongType)
          .add("rows_quarantined", DataTypes.LongType)
          .add("footer_lines", DataTypes.LongType)
          .add("ingested_at", DataTypes.TimestampType);

  private final Lakehouse lakehouse;

  public IngestManifest(Lakehouse lakehouse) {
    this.lakehouse = lakehouse;
    lakehouse.ensure(Tables.INGEST_MANIFEST, SCHEMA);
  }

  /** The file checksums of each slice's latest writing ingest, for the slices asked about. */
  public Map<SliceKey, IngestPlanner.Ingested> current(Collection<SliceKey> slices) {
    if (slices.isEmpty()) {
      return Map.of();
    }
    Object[] dates = slices.stream().map(k -> Date.valueOf(k.deliveryDate())).distinct().toArray();
    List<Row> rows =
        lakehouse
            .read(Tables.INGEST_MANIFEST)
            .filter(col("delivery_date").isin(dates))
            .filter(col("action").isin(SliceAction.NEW.code(), SliceAction.RESTATEMENT.code()))
            .select("org_id", "source", "delivery_date", "batch_id", "ingested_at", "file_checksum")
            .collectAsList();
    Map<SliceKey, Timestamp> latestAt = new HashMap<>();
    Map<SliceKey, String> latestBatch = new HashMap<>();
    Map<String, Set<String>> checksumsByBatchSlice = new HashMap<>();
    for (Row r : rows) {
      SliceKey key =
          new SliceKey(
              OrgId.of(r.getString(0)), Source.fromId(r.getString(1)), r.getDate(2).toLocalDate());
      if (!slices.contains(key)) {
        continue;
      }
      Timestamp at = r.getTimestamp(4);
      Timestamp seen = latestAt.get(key);
      if (seen == null
          || at.after(seen)
          || (at.equals(seen) && r.getString(3).compareTo(latestBatch.get(key)) > 0)) {
        latestAt.put(key, at);
        latestBatch.put(key, r.getString(3));
      }
      checksumsByBatchSlice
          .computeIfAbsent(key + "|" + r.getString(3), k -> new HashSet<>())
          .add(r.getString(5));
    }
    Map<SliceKey, IngestPlanner.Ingested> current = new HashMap<>();
    latestBatch.forEach(
        (key, batch) ->
            current.put(
                key,
                new IngestPlanner.Ingested(batch, checksumsByBatchSlice.get(key + "|" + batch))));
    return current;
  }

  public void record(String batchId, Timestamp ingestedAt, List<FileOutcome> outcomes) {
    List<Row> rows = new ArrayList<>();
    for (FileOutcome o : outcomes) {
      rows.add(
          RowFactory.create(
              batchId,
              o.slice().org().value(),
              o.slice().source().id(),
              Date.valueOf(o.slice().deliveryDate()),
              o.format(),
              o.file().uri(),
              o.file().sha256(),
              o.file().size(),
              o.action().code(),
              o.replacesBatchId(),
              o.reason(),
              o.rowsRead(),
              o.rowsAccepted(),
              o.rowsQuarantined(),
              o.footerLines(),
              ingestedAt));
    }
    if (!rows.isEmpty()) {
      TableWrites.append(
          lakehouse,
          Tables.INGEST_MANIFEST,
          lakehouse.spark().createDataFrame(rows, SCHEMA),
          batchId);
    }
  }
}

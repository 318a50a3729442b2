package io.adlake.catalog;

import io.adlake.model.Backoff;
import io.adlake.model.TableSpec;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.jdbc.UncheckedSQLException;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Spark session and the Iceberg catalog that holds adlake's tables. */
public final class Lakehouse {

  /**
   * With this on a table and {@code spark.wap.branch} set in the session, writes go to that branch.
   */
  public static final String WAP_ENABLED = "write.wap.enabled";

  /**
   * Parquet row groups of 8 MB instead of Iceberg's 128 MB. A day of one table is one partition,
   * written by one task into one file; Iceberg splits a file for reading only at row-group
   * boundaries, so with one large row group every later reader of that day (the gate, gold, the
   * analysts) ran in one task while the other cores idled (benchmark: the silver gate read 850,000
   * rows in one 4.9 s task). Readers skip row groups by their statistics either way; 8 MB keeps
   * each group large enough for columnar reads.
   */
  private static final String ROW_GROUP_SIZE = "write.parquet.row-group-size-bytes";

  private static final String ROW_GROUP_BYTES = String.valueOf(8L * 1024 * 1024);

  /** Tries to open the catalog when the database behind it is busy (see {@link #iceberg}). */
  private static final int CATALOG_ATTEMPTS = 6;

  private static final Logger LOG = LoggerFactory.getLogger(Lakehouse.class);

  private final SparkSession spark;
  private final String catalogName;

  public Lakehouse(SparkSession spark, String catalogName) {
    this.spark = spark;
    this.catalogName = catalogName;
  }

  public SparkSession spark() {
    return spark;
  }

  public String catalogName() {
    return catalogName;
  }

  /** The name Spark SQL knows the table by: {@code catalog.namespace.table}. */
  public String name(TableSpec spec) {
    return catalogName + "." + spec.path();
  }

  public Catalog iceberg() {
    for (int attempt = 1; ; attempt++) {
      try {
        return Spark3Util.loadIcebergCatalog(spark, catalogName);
      } catch (Exception e) {
        // Two processes opening a new embedded catalog at once both create its tables; SQLite makes
        // one wait
        // ("database is locked") and Iceberg gives up at once. Spark keeps no failed catalog, so
        // trying again works.
        if (attempt >= CATALOG_ATTEMPTS || !causedBySql(e)) {
          throw new IllegalStateException(
              "catalog '" + catalogName + "' cannot be loaded: " + e.getMessage(), e);
        }
        LOG.warn(
            "opening catalog {}: the database is busy (attempt {} of {}), trying again",
            catalogName,
            attempt,
            CATALOG_ATTEMPTS);
        Backoff.sleep(
            Backoff.after(
                attempt, Duration.ofMillis(200), Duration.ofSeconds(5), Optional.empty()));
      }
    }
  }

  private static boolean causedBySql(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException || t instanceof UncheckedSQLException) {
        return true;
      }
    }
    return false;
  }

  public boolean exists(TableSpec spec) {
    return iceberg().tableExists(identifier(spec));
  }

  public Table table(TableSpec spec) {
    return iceberg().loadTable(identifier(spec));
  }

  /**
   * Rows in the current snapshot, from Iceberg's snapshot summary: no scan. Zero for a missing or
   * empty table.
   */
  public long rowCount(TableSpec spec) {
    if (!exists(spec)) {
      return 0;
    }
    return rowCount(table(spec).currentSnapshot());
  }

  /** Rows in a snapshot, from its summary; zero for no snapshot (a table never written). */
  public static long rowCount(Snapshot snapshot) {
    return snapshot == null
        ? 0
        : Long.parseLong(snapshot.summary().getOrDefault("total-records", "0"));
  }

  /**
   * The snapshot a branch of the table points at, or null when the table or the branch does not
   * exist.
   */
  public Long snapshotId(TableSpec spec, String branch) {
    if (!exists(spec)) {
      return null;
    }
    Table table = table(spec);
    table.refresh(); // another process may have moved it since this session cached the table
    SnapshotRef ref = table.refs().get(branch);
    return ref == null ? null : ref.snapshotId();
  }

  /**
   * The snapshot each existing table's branch points at, by table path; tables without the branch
   * are left out.
   */
  public Map<String, Long> snapshotIds(List<TableSpec> specs, String branch) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (TableSpec spec : specs) {
      Long id = snapshotId(spec, branch);
      if (id != null) {
        out.put(spec.path(), id);
      }
    }
    return out;
  }

  public Dataset<Row> read(TableSpec spec) {
    return spark.table(name(spec));
  }

  /**
   * Creates the table if it is missing, or adds columns the schema has and the table lacks. Columns
   * are never dropped or retyped here: that is a migration, done on purpose.
   */
  public void ensure(TableSpec spec, StructType schema) {
    Catalog catalog = iceberg();
    TableIdentifier id = identifier(spec);
    Schema iceberg = SparkSchemaUtil.convert(schema);
    if (catalog.tableExists(id)) {
      Table table = catalog.loadTable(id);
      boolean missing = false;
      for (String column : schema.fieldNames()) {
        missing |= table.schema().findField(column) == null;
      }
      if (missing) {
        table.updateSchema().unionByNameWith(iceberg).commit();
      }
      if (spec.published() && !"true".equals(table.properties().get(WAP_ENABLED))) {
        // Tables made before write-audit-publish existed: without this a run's writes would land on
        // main.
        table.updateProperties().set(WAP_ENABLED, "true").commit();
      }
      if (!table.properties().containsKey(ROW_GROUP_SIZE)) {
        table.updateProperties().set(ROW_GROUP_SIZE, ROW_GROUP_BYTES).commit();
      }
      return;
    }
    Namespace namespace = Namespace.of(spec.namespace());
    if (catalog instanceof SupportsNamespaces namespaces
        && !namespaces.namespaceExists(namespace)) {
      try {
        namespaces.createNamespace(namespace);
      } catch (AlreadyExistsException raced) {
        // another job created it first: fine
      }
    }
    PartitionSpec.Builder partitions = PartitionSpec.builderFor(iceberg);
    spec.partitionBy().forEach(partitions::identity);
    Map<String, String> properties = new HashMap<>();
    properties.put("format-version", "2");
    properties.put("comment", spec.description());
    properties.put("adlake.grain", String.join(",", spec.grain()));
    properties.put("write.delete.mode", "copy-on-write");
    properties.put("write.update.mode", "copy-on-write");
    properties.put("write.merge.mode", "copy-on-write");
    properties.put(ROW_GROUP_SIZE, ROW_GROUP_BYTES);
    if (spec.published()) {
      properties.put(WAP_ENABLED, "true");
    }
    try {
      catalog.createTable(id, iceberg, partitions.build(), properties);
    } catch (AlreadyExistsException raced) {
      // created concurrently by another job with the same definition
    }
    spark.catalog().refreshTable(name(spec));
  }

  private static TableIdentifier identifier(TableSpec spec) {
    return TableIdentifier.of(spec.namespace(), spec.name());
  }
}

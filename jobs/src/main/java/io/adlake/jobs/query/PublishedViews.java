package io.adlake.jobs.query;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one view in Spark's session catalog per lakehouse table of the served namespaces: {@code
 * gold.pacing} is {@code select * from adlake.gold.pacing}. Spark 3.5's Thrift server answers the
 * JDBC metadata calls BI table browsers make (getSchemas, getTables, getColumns) from the session
 * catalog only, where the Iceberg catalog's tables do not appear; the views put them there with
 * their column types. A view reads the table's current main snapshot at each query (the catalog
 * runs without a table cache), so a publish shows at once; {@link #sync} adds views for new tables,
 * redefines those whose columns changed, and drops those whose table went.
 */
final class PublishedViews {
  private static final Logger LOG = LoggerFactory.getLogger(PublishedViews.class);

  private final SparkSession spark;
  private final String catalogName;
  private final List<String> namespaces;
  private final Map<String, StructType> defined = new HashMap<>();

  PublishedViews(SparkSession spark, String catalogName, List<String> namespaces) {
    this.spark = spark;
    this.catalogName = catalogName;
    this.namespaces = List.copyOf(namespaces);
  }

  /** Matches the views to the catalog's tables now; returns how many views there are. */
  synchronized int sync() {
    return ReadOnlySqlParser.asServer(
        () -> {
          Set<String> seen = new HashSet<>();
          Set<String> existing = new HashSet<>();
          spark
              .sql("SHOW NAMESPACES IN " + quote(catalogName))
              .collectAsList()
              .forEach(row -> existing.add(row.getString(0)));
          for (String namespace : namespaces) {
            spark.sql(
                "CREATE DATABASE IF NOT EXISTS spark_catalog."
                    + quote(namespace)
                    + " COMMENT 'adlake "
                    + namespace
                    + " tables, as published on main'");
            for (String table :
                existing.contains(namespace) ? tables(namespace) : List.<String>of()) {
              String view = namespace + "." + table;
              seen.add(view);
              StructType schema = spark.table(source(namespace, table)).schema();
              if (!schema.equals(defined.get(view))) {
                spark.sql(
                    "CREATE OR REPLACE VIEW spark_catalog."
                        + quote(namespace)
                        + "."
                        + quote(table)
                        + " AS SELECT * FROM "
                        + source(namespace, table));
                LOG.info(
                    "{} {} over {}",
                    defined.containsKey(view) ? "redefined view" : "created view",
                    view,
                    source(namespace, table));
                defined.put(view, schema);
              }
            }
          }
          for (String gone : Set.copyOf(defined.keySet())) {
            if (!seen.contains(gone)) {
              String[] parts = gone.split("\\.", 2);
              spark.sql(
                  "DROP VIEW IF EXISTS spark_catalog." + quote(parts[0]) + "." + quote(parts[1]));
              defined.remove(gone);
              LOG.info("dropped view {}: its table is gone", gone);
            }
          }
          return defined.size();
        });
  }

  private List<String> tables(String namespace) {
    return spark
        .sql("SHOW TABLES IN " + quote(catalogName) + "." + quote(namespace))
        .collectAsList()
        .stream()
        .map((Row row) -> row.getString(row.fieldIndex("tableName")))
        .sorted()
        .toList();
  }

  private String source(String namespace, String table) {
    return quote(catalogName) + "." + quote(namespace) + "." + quote(table);
  }

  /**
   * Names come from the catalog and conf, not from clients; quoting still keeps any name one
   * identifier.
   */
  static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }
}

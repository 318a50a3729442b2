package io.adlake.jobs.ingest;

import io.adlake.transforms.formats.ExportFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * The layouts of bronze rows. Every bronze table starts with the same lineage columns (which org,
 * which delivery, which file and checksum, which batch, when, which line) followed by the format's
 * own columns.
 */
public final class BronzeRows {
  private BronzeRows() {}

  public static final StructType LINEAGE =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("delivery_date", DataTypes.DateType)
          .add("source_file", DataTypes.StringType)
          .add("file_checksum", DataTypes.StringType)
          .add("batch_id", DataTypes.StringType)
          .add("ingested_at", DataTypes.TimestampType)
          .add("source_row_number", DataTypes.LongType);

  /** Added to the bronze layout while a file is parsed: what became of each line. */
  static final StructType OUTCOME =
      new StructType()
          .add("_status", DataTypes.StringType)
          .add("_reason", DataTypes.StringType)
          .add("_raw_line", DataTypes.StringType);

  public static final StructType QUARANTINE =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("source", DataTypes.StringType)
          .add("format", DataTypes.StringType)
          .add("delivery_date", DataTypes.DateType)
          .add("source_file", DataTypes.StringType)
          .add("file_checksum", DataTypes.StringType)
          .add("batch_id", DataTypes.StringType)
          .add("ingested_at", DataTypes.TimestampType)
          .add("source_row_number", DataTypes.LongType)
          .add("raw_line", DataTypes.StringType)
          .add("reason", DataTypes.StringType);

  public static StructType bronze(ExportFormat format) {
    StructType schema = LINEAGE;
    for (var field : format.columns().fields()) {
      schema = schema.add(field);
    }
    return schema;
  }

  static StructType envelope(ExportFormat format) {
    StructType schema = bronze(format);
    for (var field : OUTCOME.fields()) {
      schema = schema.add(field);
    }
    return schema;
  }

  static String[] bronzeColumns(ExportFormat format) {
    return bronze(format).fieldNames();
  }

  /**
   * Java values from a parser into what Spark's row encoder takes: Scala collections and nested
   * Rows.
   */
  static Object external(Object value, DataType type) {
    if (value == null) {
      return null;
    }
    if (type instanceof ArrayType array) {
      List<Object> items = new ArrayList<>();
      for (Object item : (List<?>) value) {
        items.add(external(item, array.elementType()));
      }
      return JavaConverters.asScalaBuffer(items).toList();
    }
    if (type instanceof StructType struct) {
      Object[] in = (Object[]) value;
      Object[] out = new Object[in.length];
      for (int i = 0; i < in.length; i++) {
        out[i] = external(in[i], struct.fields()[i].dataType());
      }
      return RowFactory.create(out);
    }
    if (type instanceof MapType) {
      return JavaConverters.mapAsScalaMap((Map<?, ?>) value);
    }
    return value;
  }
}

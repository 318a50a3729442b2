package io.adlake.transforms.formats;

import io.adlake.model.Source;
import io.adlake.model.TableSpec;
import io.adlake.model.org.SourceOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One export layout as a platform delivers it. A format reads a file into {@link ParsedLine}s
 * lazily, so a large file is never held in memory, and it never throws for bad content: bad lines
 * come back quarantined with a reason.
 */
public interface ExportFormat extends Serializable {

  /** Short stable name, e.g. {@code dv360_delivery}. */
  String name();

  Source source();

  /** The bronze table accepted rows go to. */
  TableSpec table();

  List<FormatField> fields();

  /**
   * Whether a file whose first line is this one is in this format (used when a source has several).
   */
  boolean recognises(String firstLine);

  /** Whether rows keep cells of unknown columns in an {@code extra_columns} map. */
  default boolean keepsExtraColumns() {
    return false;
  }

  Iterator<ParsedLine> parse(InputStream in, SourceOptions options) throws IOException;

  /** The format's own bronze columns, each carrying the name it has in the export as metadata. */
  default StructType columns() {
    StructType type = new StructType();
    for (FormatField field : fields()) {
      Metadata meta =
          new MetadataBuilder().putString("comment", "export column: " + field.header()).build();
      type = type.add(new StructField(field.column(), field.type(), true, meta));
    }
    if (keepsExtraColumns()) {
      type =
          type.add(
              "extra_columns",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType),
              true);
    }
    return type;
  }

  default int index(String column) {
    List<FormatField> fields = fields();
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).column().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException(name() + " has no column '" + column + "'");
  }
}

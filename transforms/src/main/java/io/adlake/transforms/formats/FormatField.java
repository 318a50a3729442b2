package io.adlake.transforms.formats;

import java.io.Serializable;
import org.apache.spark.sql.types.DataType;

/**
 * One column of an export: the name it has in the file, the bronze column it becomes, and how it is read.
 *
 * @param header   the name in the export as delivered (a CSV header or a JSON key)
 * @param column   the bronze column name
 * @param required an empty or missing cell rejects the row
 */
public record FormatField(String header, String column, DataType type, boolean required, ValueParser parser)
    implements Serializable {

  public static FormatField required(String header, String column, DataType type, ValueParser parser) {
    return new FormatField(header, column, type, true, parser);
  }

  public static FormatField optional(String header, String column, DataType type, ValueParser parser) {
    return new FormatField(header, column, type, false, parser);
  }

  /** Reads a raw cell: empty means null (or a rejection for a required field). */
  public Object read(String raw, io.adlake.model.org.SourceOptions options) throws BadValueException {
    String cell = raw == null ? "" : raw.strip();
    if (cell.isEmpty()) {
      if (required) {
        throw new BadValueException("column '" + header + "' is empty");
      }
      return null;
    }
    try {
      return parser.parse(cell, options);
    } catch (BadValueException e) {
      throw new BadValueException("column '" + header + "': " + e.getMessage());
    }
  }
}

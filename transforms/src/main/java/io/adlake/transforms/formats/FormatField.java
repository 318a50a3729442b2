package io.adlake.transforms.formats;

import io.adlake.model.org.SourceOptions;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.types.DataType;

/**
 * One column of an export: the name it has in the file, the bronze column it becomes, and how it is
 * read.
 *
 * @param header the name in the export as delivered (a CSV header or a JSON key)
 * @param column the bronze column name
 * @param required an empty or missing cell rejects the row
 * @param aliases other names the platform has given the same column (a renamed report field),
 *     accepted alike
 */
public record FormatField(
    String header,
    String column,
    DataType type,
    boolean required,
    ValueParser parser,
    List<String> aliases)
    implements Serializable {

  public FormatField {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  public FormatField(
      String header, String column, DataType type, boolean required, ValueParser parser) {
    this(header, column, type, required, parser, null);
  }

  /** The same field, also found under these older or newer names. */
  public FormatField alsoNamed(String... names) {
    return new FormatField(header, column, type, required, parser, List.of(names));
  }

  /** Whether a file's column name is this field's (its header or an alias, regardless of case). */
  public boolean answersTo(String name) {
    return header.equalsIgnoreCase(name)
        || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(name));
  }

  public static FormatField required(
      String header, String column, DataType type, ValueParser parser) {
    return new FormatField(header, column, type, true, parser);
  }

  public static FormatField optional(
      String header, String column, DataType type, ValueParser parser) {
    return new FormatField(header, column, type, false, parser);
  }

  /** Reads a raw cell: empty means null (or a rejection for a required field). */
  public Object read(String raw, SourceOptions options) throws BadValueException {
    return read(raw, options, header);
  }

  /**
   * Reads a raw cell of the file's column {@code delivered} (the header or an alias, as the file
   * names it): messages name that column.
   */
  public Object read(String raw, SourceOptions options, String delivered) throws BadValueException {
    String cell = raw == null ? "" : raw.strip();
    if (cell.isEmpty()) {
      if (required) {
        throw new BadValueException("column '" + delivered + "' is empty");
      }
      return null;
    }
    try {
      return parser.parse(cell, options);
    } catch (BadValueException e) {
      throw new BadValueException("column '" + delivered + "': " + e.getMessage());
    }
  }
}

package io.adlake.transforms.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adlake.model.org.SourceOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructType;

/**
 * One JSON object per line, as API collectors write them. A field's {@link FormatField#header()} is
 * its path in the object, dotted for nested objects ({@code
 * RTBAttributes.BudgetSettings.Budget.Amount}). Scalars are read as text and parsed like CSV cells,
 * so {@code "1234"} and {@code 1234} are the same count; arrays and objects go through {@link
 * #readStructured}. Top-level keys no field uses are kept in {@code extra_columns}.
 */
public abstract class JsonLinesFormat implements ExportFormat {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public boolean keepsExtraColumns() {
    return true;
  }

  /** Reads a field whose value is an array or object; the default refuses one. */
  protected Object readStructured(FormatField field, JsonNode value, SourceOptions options)
      throws BadValueException {
    throw new BadValueException(
        "field '" + field.header() + "': expected a value, found " + value.getNodeType());
  }

  /** Checks across fields of a row that was read. */
  protected void checkRow(Object[] values) throws BadValueException {}

  @Override
  public Iterator<ParsedLine> parse(InputStream in, SourceOptions options) throws IOException {
    return new LazyLines(new LogicalLineReader(in, false)) {
      @Override
      protected ParsedLine advance(LogicalLineReader reader) throws IOException {
        LogicalLineReader.Line line;
        do {
          line = reader.next();
        } while (line != null && line.text().isBlank());
        if (line == null) {
          return null;
        }
        return line.undecodable()
            ? ParsedLine.quarantined(line.number(), line.text(), CsvExportFormat.UNDECODABLE)
            : read(line.number(), line.text(), options);
      }
    };
  }

  ParsedLine read(long number, String text, SourceOptions options) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return ParsedLine.quarantined(number, text, "invalid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      return ParsedLine.quarantined(number, text, "not a JSON object");
    }
    try {
      List<FormatField> fields = fields();
      Object[] values = new Object[fields.size()];
      for (int i = 0; i < fields.size(); i++) {
        FormatField field = fields.get(i);
        JsonNode cell = node.at("/" + field.header().replace('.', '/'));
        if (cell.isContainerNode()) {
          values[i] = readStructured(field, cell, options);
        } else if (!cell.isMissingNode()
            && !cell.isNull()
            && (field.type() instanceof ArrayType || field.type() instanceof StructType)) {
          throw new BadValueException(
              "field '"
                  + field.header()
                  + "': expected an array or object, found '"
                  + cell.asText()
                  + "'");
        } else {
          values[i] =
              field.read(cell.isMissingNode() || cell.isNull() ? null : cell.asText(), options);
        }
      }
      checkRow(values);
      Map<String, String> extras = new LinkedHashMap<>();
      node.fields()
          .forEachRemaining(
              e -> {
                if (fields.stream().noneMatch(f -> f.header().split("\\.")[0].equals(e.getKey()))) {
                  extras.put(
                      e.getKey(),
                      e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
                }
              });
      return ParsedLine.accepted(number, text, values, extras);
    } catch (BadValueException e) {
      return ParsedLine.quarantined(number, text, e.getMessage());
    }
  }

  /** An array of objects read into struct values, one {@link FormatField} per struct member. */
  protected static List<Object[]> structs(
      String name, JsonNode array, List<FormatField> members, SourceOptions options)
      throws BadValueException {
    if (!array.isArray()) {
      throw new BadValueException("field '" + name + "': expected an array");
    }
    List<Object[]> out = new ArrayList<>();
    for (JsonNode item : array) {
      Object[] struct = new Object[members.size()];
      for (int i = 0; i < members.size(); i++) {
        FormatField member = members.get(i);
        JsonNode v = item.get(member.header());
        if (v != null && v.isContainerNode()) {
          throw new BadValueException(
              "field '"
                  + name
                  + "': member '"
                  + member.header()
                  + "' must be a value, found "
                  + item);
        }
        try {
          struct[i] = member.read(v == null || v.isNull() ? null : v.asText(), options);
        } catch (BadValueException e) {
          throw new BadValueException("field '" + name + "': " + e.getMessage());
        }
      }
      out.add(struct);
    }
    return out;
  }
}

package io.adlake.transforms.formats;

import static io.adlake.transforms.formats.FormatField.optional;
import static io.adlake.transforms.formats.FormatField.required;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adlake.catalog.Source;
import io.adlake.catalog.TableSpec;
import io.adlake.catalog.Tables;
import io.adlake.catalog.org.SourceOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Meta Ads Insights ({@code /insights?level=ad&time_increment=1}), one JSON object per line. Meta sends counts and
 * spend as strings ({@code "impressions":"1234"}, {@code "spend":"12.34"}), leaves out metrics that are zero, and
 * reports conversions inside {@code actions} as {@code {action_type, value}} pairs.
 */
public final class MetaInsightsJson implements ExportFormat {

  static final StructType ACTION =
      new StructType().add("action_type", DataTypes.StringType).add("value", Values.AMOUNT);

  private static final List<FormatField> FIELDS =
      List.of(
          required("account_id", "account_id", DataTypes.StringType, Values.text()),
          optional("account_name", "account_name", DataTypes.StringType, Values.text()),
          required("account_currency", "account_currency", DataTypes.StringType, Values.currency()),
          required("campaign_id", "campaign_id", DataTypes.StringType, Values.text()),
          optional("campaign_name", "campaign_name", DataTypes.StringType, Values.text()),
          required("adset_id", "adset_id", DataTypes.StringType, Values.text()),
          optional("adset_name", "adset_name", DataTypes.StringType, Values.text()),
          required("ad_id", "ad_id", DataTypes.StringType, Values.text()),
          optional("ad_name", "ad_name", DataTypes.StringType, Values.text()),
          required("date_start", "date_start", DataTypes.DateType, Values.date("yyyy-MM-dd")),
          required("date_stop", "date_stop", DataTypes.DateType, Values.date("yyyy-MM-dd")),
          optional("impressions", "impressions", DataTypes.LongType, Values.nonNegativeWholeNumber()),
          optional("clicks", "clicks", DataTypes.LongType, Values.nonNegativeWholeNumber()),
          required("spend", "spend", Values.AMOUNT, Values.decimal()),
          optional("actions", "actions", DataTypes.createArrayType(ACTION), Values.text()));

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String name() {
    return "meta_insights";
  }

  @Override
  public Source source() {
    return Source.META;
  }

  @Override
  public TableSpec table() {
    return Tables.BRONZE_META;
  }

  @Override
  public List<FormatField> fields() {
    return FIELDS;
  }

  @Override
  public boolean keepsExtraColumns() {
    return true;
  }

  @Override
  public boolean recognises(String firstLine) {
    return firstLine != null && firstLine.stripLeading().startsWith("{");
  }

  @Override
  public Iterator<ParsedLine> parse(InputStream in, SourceOptions options) throws IOException {
    LogicalLineReader reader = new LogicalLineReader(in, false);
    return new Iterator<>() {
      private ParsedLine next;
      private boolean done;

      @Override
      public boolean hasNext() {
        if (next == null && !done) {
          try {
            LogicalLineReader.Line line;
            do {
              line = reader.next();
            } while (line != null && line.text().isBlank());
            if (line == null) {
              done = true;
              reader.close();
            } else {
              next = read(line.number(), line.text(), options);
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        return next != null;
      }

      @Override
      public ParsedLine next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ParsedLine line = next;
        next = null;
        return line;
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
      Object[] values = new Object[FIELDS.size()];
      for (int i = 0; i < FIELDS.size(); i++) {
        FormatField field = FIELDS.get(i);
        JsonNode cell = node.get(field.header());
        if (field.column().equals("actions")) {
          values[i] = actions(cell, options);
        } else if (cell != null && (cell.isObject() || cell.isArray())) {
          throw new BadValueException("field '" + field.header() + "': expected a value, found " + cell.getNodeType());
        } else {
          values[i] = field.read(cell == null || cell.isNull() ? null : cell.asText(), options);
        }
      }
      if (!values[index("date_start")].equals(values[index("date_stop")])) {
        throw new BadValueException(
            "not a daily row: date_start " + values[index("date_start")] + " != date_stop " + values[index("date_stop")]);
      }
      Map<String, String> extras = new LinkedHashMap<>();
      node.fields()
          .forEachRemaining(
              e -> {
                if (FIELDS.stream().noneMatch(f -> f.header().equals(e.getKey()))) {
                  extras.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
                }
              });
      return ParsedLine.accepted(number, text, values, extras);
    } catch (BadValueException e) {
      return ParsedLine.quarantined(number, text, e.getMessage());
    }
  }

  private static List<Object[]> actions(JsonNode cell, SourceOptions options) throws BadValueException {
    if (cell == null || cell.isNull()) {
      return null;
    }
    if (!cell.isArray()) {
      throw new BadValueException("field 'actions': expected an array of {action_type, value}");
    }
    List<Object[]> actions = new ArrayList<>();
    for (JsonNode action : cell) {
      JsonNode type = action.get("action_type");
      JsonNode value = action.get("value");
      if (type == null || !type.isTextual() || value == null || value.isContainerNode()) {
        throw new BadValueException("field 'actions': each entry needs action_type and value, found " + action);
      }
      try {
        actions.add(new Object[] {type.asText(), (BigDecimal) Values.decimal().parse(value.asText(), options)});
      } catch (BadValueException e) {
        throw new BadValueException("field 'actions' (" + type.asText() + "): " + e.getMessage());
      }
    }
    return actions;
  }
}

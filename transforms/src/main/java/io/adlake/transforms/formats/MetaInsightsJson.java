package io.adlake.transforms.formats;

import static io.adlake.transforms.formats.FormatField.optional;
import static io.adlake.transforms.formats.FormatField.required;

import com.fasterxml.jackson.databind.JsonNode;
import io.adlake.model.Source;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import io.adlake.model.org.SourceOptions;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Meta Ads Insights ({@code /insights?level=ad&time_increment=1}), one JSON object per line. Meta sends counts and
 * spend as strings ({@code "impressions":"1234"}, {@code "spend":"12.34"}), leaves out metrics that are zero, and
 * reports conversions inside {@code actions} as {@code {action_type, value}} pairs.
 */
public final class MetaInsightsJson extends JsonLinesFormat {

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

  private static final List<FormatField> ACTION_MEMBERS =
      List.of(
          required("action_type", "action_type", DataTypes.StringType, Values.text()),
          required("value", "value", Values.AMOUNT, Values.decimal()));

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
  public boolean recognises(String firstLine) {
    return firstLine != null && firstLine.stripLeading().startsWith("{");
  }

  @Override
  protected Object readStructured(FormatField field, JsonNode value, SourceOptions options) throws BadValueException {
    if (field.column().equals("actions")) {
      return structs("actions", value, ACTION_MEMBERS, options);
    }
    return super.readStructured(field, value, options);
  }

  /** Insights must be requested with {@code time_increment=1}: a row spanning days cannot be placed on one. */
  @Override
  protected void checkRow(Object[] values) throws BadValueException {
    if (!values[index("date_start")].equals(values[index("date_stop")])) {
      throw new BadValueException(
          "not a daily row: date_start " + values[index("date_start")] + " != date_stop " + values[index("date_stop")]);
    }
  }
}

package io.adlake.transforms.formats;

import static io.adlake.platforms.meta.MetaInsightsField.ACCOUNT_CURRENCY;
import static io.adlake.platforms.meta.MetaInsightsField.ACCOUNT_ID;
import static io.adlake.platforms.meta.MetaInsightsField.ACCOUNT_NAME;
import static io.adlake.platforms.meta.MetaInsightsField.ACTIONS;
import static io.adlake.platforms.meta.MetaInsightsField.ADSET_ID;
import static io.adlake.platforms.meta.MetaInsightsField.ADSET_NAME;
import static io.adlake.platforms.meta.MetaInsightsField.AD_ID;
import static io.adlake.platforms.meta.MetaInsightsField.AD_NAME;
import static io.adlake.platforms.meta.MetaInsightsField.CAMPAIGN_ID;
import static io.adlake.platforms.meta.MetaInsightsField.CAMPAIGN_NAME;
import static io.adlake.platforms.meta.MetaInsightsField.CLICKS;
import static io.adlake.platforms.meta.MetaInsightsField.DATE_START;
import static io.adlake.platforms.meta.MetaInsightsField.DATE_STOP;
import static io.adlake.platforms.meta.MetaInsightsField.IMPRESSIONS;
import static io.adlake.platforms.meta.MetaInsightsField.SPEND;
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
 * Meta Ads Insights ({@code /insights?level=ad&time_increment=1}), one JSON object per line. Meta
 * sends counts and spend as strings ({@code "impressions":"1234"}, {@code "spend":"12.34"}), leaves
 * out metrics that are zero, and reports conversions inside {@code actions} as {@code {action_type,
 * value}} pairs.
 */
public final class MetaInsightsJson extends JsonLinesFormat {

  static final StructType ACTION =
      new StructType().add("action_type", DataTypes.StringType).add("value", Values.AMOUNT);

  private static final List<FormatField> FIELDS =
      List.of(
          required(ACCOUNT_ID.fieldName(), "account_id", DataTypes.StringType, Values.text()),
          optional(ACCOUNT_NAME.fieldName(), "account_name", DataTypes.StringType, Values.text()),
          required(
              ACCOUNT_CURRENCY.fieldName(),
              "account_currency",
              DataTypes.StringType,
              Values.currency()),
          required(CAMPAIGN_ID.fieldName(), "campaign_id", DataTypes.StringType, Values.text()),
          optional(CAMPAIGN_NAME.fieldName(), "campaign_name", DataTypes.StringType, Values.text()),
          required(ADSET_ID.fieldName(), "adset_id", DataTypes.StringType, Values.text()),
          optional(ADSET_NAME.fieldName(), "adset_name", DataTypes.StringType, Values.text()),
          required(AD_ID.fieldName(), "ad_id", DataTypes.StringType, Values.text()),
          optional(AD_NAME.fieldName(), "ad_name", DataTypes.StringType, Values.text()),
          required(
              DATE_START.fieldName(), "date_start", DataTypes.DateType, Values.date("yyyy-MM-dd")),
          required(
              DATE_STOP.fieldName(), "date_stop", DataTypes.DateType, Values.date("yyyy-MM-dd")),
          optional(
              IMPRESSIONS.fieldName(),
              "impressions",
              DataTypes.LongType,
              Values.nonNegativeWholeNumber()),
          optional(
              CLICKS.fieldName(), "clicks", DataTypes.LongType, Values.nonNegativeWholeNumber()),
          required(SPEND.fieldName(), "spend", Values.AMOUNT, Values.decimal()),
          optional(
              ACTIONS.fieldName(), "actions", DataTypes.createArrayType(ACTION), Values.text()));

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
  protected Object readStructured(FormatField field, JsonNode value, SourceOptions options)
      throws BadValueException {
    if (field.column().equals("actions")) {
      return structs(ACTIONS.fieldName(), value, ACTION_MEMBERS, options);
    }
    return super.readStructured(field, value, options);
  }

  /**
   * Insights must be requested with {@code time_increment=1}: a row spanning days cannot be placed
   * on one.
   */
  @Override
  protected void checkRow(Object[] values) throws BadValueException {
    if (!values[index("date_start")].equals(values[index("date_stop")])) {
      throw new BadValueException(
          "not a daily row: date_start "
              + values[index("date_start")]
              + " != date_stop "
              + values[index("date_stop")]);
    }
  }
}

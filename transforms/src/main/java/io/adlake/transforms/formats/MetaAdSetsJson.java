package io.adlake.transforms.formats;

import static io.adlake.platforms.meta.MetaAdSetField.ACCOUNT_CURRENCY;
import static io.adlake.platforms.meta.MetaAdSetField.ACCOUNT_ID;
import static io.adlake.platforms.meta.MetaAdSetField.CAMPAIGN_ID;
import static io.adlake.platforms.meta.MetaAdSetField.DAILY_BUDGET;
import static io.adlake.platforms.meta.MetaAdSetField.EFFECTIVE_STATUS;
import static io.adlake.platforms.meta.MetaAdSetField.END_TIME;
import static io.adlake.platforms.meta.MetaAdSetField.FREQUENCY_CONTROL_SPECS;
import static io.adlake.platforms.meta.MetaAdSetField.ID;
import static io.adlake.platforms.meta.MetaAdSetField.LIFETIME_BUDGET;
import static io.adlake.platforms.meta.MetaAdSetField.NAME;
import static io.adlake.platforms.meta.MetaAdSetField.PACING_TYPE;
import static io.adlake.platforms.meta.MetaAdSetField.START_TIME;
import static io.adlake.platforms.meta.MetaAdSetField.STATUS;
import static io.adlake.transforms.formats.FormatField.optional;
import static io.adlake.transforms.formats.FormatField.required;

import com.fasterxml.jackson.databind.JsonNode;
import io.adlake.model.Source;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import io.adlake.model.org.SourceOptions;
import io.adlake.platforms.meta.MetaAdSetField;
import io.adlake.platforms.meta.MetaApi;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Meta ad sets from the Marketing API ({@code /act_<id>/adsets} with the fields {@link
 * MetaAdSetField} declares), one object per line. Budgets are strings counted in Meta's offset of
 * the account currency ({@code "5000"} is 50.00 EUR but 5000 HUF; see {@link MetaApi#offset}), so
 * the collector adds {@code account_currency} from the ad account to every line; silver divides by
 * the offset. An ad set has a daily or a lifetime budget, and Meta writes the one it does not use
 * as {@code "0"}; an ad set of a campaign with a campaign budget has both at {@code "0"}. Times
 * carry their UTC offset.
 */
public final class MetaAdSetsJson extends JsonLinesFormat {

  static final StructType FREQUENCY_SPEC =
      new StructType()
          .add("event", DataTypes.StringType)
          .add("interval_days", DataTypes.LongType)
          .add("max_frequency", DataTypes.LongType);

  private static final List<FormatField> FREQUENCY_MEMBERS =
      List.of(
          required("event", "event", DataTypes.StringType, Values.text()),
          required(
              "interval_days",
              "interval_days",
              DataTypes.LongType,
              Values.nonNegativeWholeNumber()),
          required(
              "max_frequency",
              "max_frequency",
              DataTypes.LongType,
              Values.nonNegativeWholeNumber()));

  private static final List<FormatField> FIELDS =
      List.of(
          required(ID.fieldName(), "adset_id", DataTypes.StringType, Values.text()),
          required(NAME.fieldName(), "adset_name", DataTypes.StringType, Values.text()),
          required(CAMPAIGN_ID.fieldName(), "campaign_id", DataTypes.StringType, Values.text()),
          required(ACCOUNT_ID.fieldName(), "account_id", DataTypes.StringType, Values.text()),
          required(
              ACCOUNT_CURRENCY.fieldName(),
              "account_currency",
              DataTypes.StringType,
              Values.currency()),
          required(
              STATUS.fieldName(),
              "status",
              DataTypes.StringType,
              Values.oneOf("ACTIVE", "PAUSED", "DELETED", "ARCHIVED")),
          optional(
              EFFECTIVE_STATUS.fieldName(),
              "effective_status",
              DataTypes.StringType,
              Values.text()),
          optional(
              DAILY_BUDGET.fieldName(),
              "daily_budget_minor",
              DataTypes.LongType,
              Values.nonNegativeWholeNumber()),
          optional(
              LIFETIME_BUDGET.fieldName(),
              "lifetime_budget_minor",
              DataTypes.LongType,
              Values.nonNegativeWholeNumber()),
          required(START_TIME.fieldName(), "start_time", DataTypes.TimestampType, Values.instant()),
          optional(END_TIME.fieldName(), "end_time", DataTypes.TimestampType, Values.instant()),
          optional(
              PACING_TYPE.fieldName(),
              "pacing_type",
              DataTypes.createArrayType(DataTypes.StringType),
              Values.text()),
          optional(
              FREQUENCY_CONTROL_SPECS.fieldName(),
              "frequency_control_specs",
              DataTypes.createArrayType(FREQUENCY_SPEC),
              Values.text()));

  @Override
  public String name() {
    return "meta_ad_sets";
  }

  @Override
  public Source source() {
    return Source.SETUP;
  }

  @Override
  public TableSpec table() {
    return Tables.BRONZE_META_AD_SETS;
  }

  @Override
  public List<FormatField> fields() {
    return FIELDS;
  }

  @Override
  public boolean recognises(String firstLine) {
    return firstLine != null
        && firstLine.stripLeading().startsWith("{")
        && firstLine.contains("\"" + CAMPAIGN_ID.fieldName() + "\"")
        && firstLine.contains("\"" + START_TIME.fieldName() + "\"");
  }

  @Override
  protected Object readStructured(FormatField field, JsonNode value, SourceOptions options)
      throws BadValueException {
    if (field.column().equals("frequency_control_specs")) {
      return structs(field.header(), value, FREQUENCY_MEMBERS, options);
    }
    if (field.column().equals("pacing_type") && value.isArray()) {
      List<Object> types = new ArrayList<>();
      for (JsonNode t : value) {
        if (!t.isTextual()) {
          throw new BadValueException(
              "field '" + field.header() + "': expected strings, found " + value);
        }
        types.add(t.asText());
      }
      return types;
    }
    return super.readStructured(field, value, options);
  }

  @Override
  protected void checkRow(Object[] v) throws BadValueException {
    String currency = (String) v[index("account_currency")];
    if (!MetaApi.supports(currency)) {
      throw new BadValueException(
          "account_currency "
              + currency
              + " is not in Meta's currency table, so its budgets cannot be scaled");
    }
    // "0" is the budget kind the ad set does not use, not a budget of zero.
    for (String budget : List.of("daily_budget_minor", "lifetime_budget_minor")) {
      if (Long.valueOf(0L).equals(v[index(budget)])) {
        v[index(budget)] = null;
      }
    }
    if (v[index("daily_budget_minor")] != null && v[index("lifetime_budget_minor")] != null) {
      throw new BadValueException(
          "ad set has both daily_budget and lifetime_budget above 0; Meta allows one");
    }
    Timestamp start = (Timestamp) v[index("start_time")];
    Timestamp end = (Timestamp) v[index("end_time")];
    if (end != null && end.before(start)) {
      throw new BadValueException(
          "ad set ends (" + end.toInstant() + ") before it starts (" + start.toInstant() + ")");
    }
  }
}

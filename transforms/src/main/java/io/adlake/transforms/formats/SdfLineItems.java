package io.adlake.transforms.formats;

import static io.adlake.transforms.formats.FormatField.optional;
import static io.adlake.transforms.formats.FormatField.required;

import io.adlake.model.Source;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/**
 * DV360 Structured Data File, line items ({@code SDF-LineItems.csv}). A start or end date of "Same
 * as Insertion Order" is kept as null: the insertion order's flight applies, and silver fills it
 * in.
 */
public final class SdfLineItems extends CsvExportFormat {

  private static final List<FormatField> FIELDS =
      List.of(
          required("Line Item Id", "line_item_id", DataTypes.StringType, Values.text()),
          required("Io Id", "io_id", DataTypes.StringType, Values.text()),
          optional("Type", "type", DataTypes.StringType, Values.text()),
          required("Name", "name", DataTypes.StringType, Values.text()),
          optional("Timestamp", "timestamp", DataTypes.StringType, Values.text()),
          required(
              "Status",
              "status",
              DataTypes.StringType,
              Values.oneOf("Active", "Paused", "Draft", "Archived")),
          required("Start Date", "start_date", DataTypes.DateType, SdfValues.dateOrInherited()),
          required("End Date", "end_date", DataTypes.DateType, SdfValues.dateOrInherited()),
          optional(
              "Budget Type",
              "budget_type",
              DataTypes.StringType,
              Values.oneOf("Unlimited", "Amount", "Impressions")),
          optional("Budget Amount", "budget_amount", Values.AMOUNT, Values.decimal()),
          optional("Pacing", "pacing", DataTypes.StringType, Values.oneOf("Flight", "Daily")),
          optional(
              "Pacing Rate",
              "pacing_rate",
              DataTypes.StringType,
              Values.oneOf("ASAP", "Even", "Ahead")),
          optional("Pacing Amount", "pacing_amount", Values.AMOUNT, Values.decimal()),
          required("Frequency Enabled", "frequency_enabled", DataTypes.BooleanType, Values.bool()),
          optional(
              "Frequency Exposures",
              "frequency_exposures",
              DataTypes.LongType,
              Values.nonNegativeWholeNumber()),
          optional(
              "Frequency Period",
              "frequency_period",
              DataTypes.StringType,
              SdfValues.FREQUENCY_PERIOD),
          optional(
              "Frequency Amount",
              "frequency_amount",
              DataTypes.LongType,
              Values.nonNegativeWholeNumber()));

  @Override
  public String name() {
    return "dv360_sdf_line_items";
  }

  @Override
  public Source source() {
    return Source.SETUP;
  }

  @Override
  public TableSpec table() {
    return Tables.BRONZE_SDF_LINE_ITEMS;
  }

  @Override
  public List<FormatField> fields() {
    return FIELDS;
  }

  @Override
  protected void checkRow(Object[] v) throws BadValueException {
    Date start = (Date) v[index("start_date")];
    Date end = (Date) v[index("end_date")];
    if (start != null && end != null && end.before(start)) {
      throw new BadValueException("line item ends (" + end + ") before it starts (" + start + ")");
    }
    SdfValues.checkFrequencyCap(this, v);
  }
}

package io.adlake.transforms.formats;

import static io.adlake.transforms.formats.FormatField.optional;
import static io.adlake.transforms.formats.FormatField.required;

import io.adlake.model.Source;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;

/** DV360 Structured Data File, insertion orders ({@code SDF-InsertionOrders.csv}). */
public final class SdfInsertionOrders extends CsvExportFormat {

  /**
   * The type of the {@code budget_segments} column: (budget, start_date, end_date, description) per
   * segment.
   */
  public static final ArrayType BUDGET_SEGMENTS = SdfValues.BUDGET_SEGMENTS_TYPE;

  private static final List<FormatField> FIELDS =
      List.of(
          required("Io Id", "io_id", DataTypes.StringType, Values.text()),
          required("Campaign Id", "campaign_id", DataTypes.StringType, Values.text()),
          optional("Advertiser Id", "advertiser_id", DataTypes.StringType, Values.text()),
          required("Name", "name", DataTypes.StringType, Values.text()),
          optional("Timestamp", "timestamp", DataTypes.StringType, Values.text()),
          required(
              "Status",
              "status",
              DataTypes.StringType,
              Values.oneOf("Active", "Paused", "Draft", "Archived")),
          optional("Io Type", "io_type", DataTypes.StringType, Values.text()),
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
              Values.nonNegativeWholeNumber()),
          optional(
              "Budget Type",
              "budget_type",
              DataTypes.StringType,
              Values.oneOf("Amount", "Impressions")),
          optional(
              "Budget Segments",
              "budget_segments",
              SdfValues.BUDGET_SEGMENTS_TYPE,
              SdfValues.budgetSegments()));

  @Override
  public String name() {
    return "dv360_sdf_insertion_orders";
  }

  @Override
  public Source source() {
    return Source.SETUP;
  }

  @Override
  public TableSpec table() {
    return Tables.BRONZE_SDF_INSERTION_ORDERS;
  }

  @Override
  public List<FormatField> fields() {
    return FIELDS;
  }

  /** An IO file has "Io Id" and no "Line Item Id" column. */
  @Override
  public boolean recognises(String firstLine) {
    return super.recognises(firstLine)
        && !firstLine.toLowerCase(Locale.ROOT).contains("line item id");
  }

  @Override
  protected void checkRow(Object[] v) throws BadValueException {
    SdfValues.checkFrequencyCap(this, v);
  }
}

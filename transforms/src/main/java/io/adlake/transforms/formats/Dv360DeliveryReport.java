package io.adlake.transforms.formats;

import static io.adlake.transforms.formats.FormatField.optional;
import static io.adlake.transforms.formats.FormatField.required;

import io.adlake.catalog.Source;
import io.adlake.catalog.TableSpec;
import io.adlake.catalog.Tables;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/**
 * DV360 offline report (Reporting → Offline report, CSV) at line item x day. DV360 writes dates as {@code
 * yyyy/MM/dd} and appends, after the data, a totals row with empty dimensions, a blank line and metadata lines
 * such as {@code Report Time:} and {@code Date Range:}. Those are footer, not data.
 */
public final class Dv360DeliveryReport extends CsvExportFormat {

  private static final List<FormatField> FIELDS =
      List.of(
          required("Date", "report_date", DataTypes.DateType, Values.date("yyyy/MM/dd", "yyyy-MM-dd")),
          optional("Advertiser", "advertiser_name", DataTypes.StringType, Values.text()),
          required("Advertiser ID", "advertiser_id", DataTypes.StringType, Values.text()),
          required("Advertiser Currency", "advertiser_currency", DataTypes.StringType, Values.currency()),
          optional("Insertion Order", "insertion_order_name", DataTypes.StringType, Values.text()),
          required("Insertion Order ID", "insertion_order_id", DataTypes.StringType, Values.text()),
          optional("Line Item", "line_item_name", DataTypes.StringType, Values.text()),
          required("Line Item ID", "line_item_id", DataTypes.StringType, Values.text()),
          required("Impressions", "impressions", DataTypes.LongType, Values.nonNegativeWholeNumber()),
          required("Clicks", "clicks", DataTypes.LongType, Values.nonNegativeWholeNumber()),
          optional("Total Conversions", "total_conversions", Values.AMOUNT, Values.decimal()),
          optional("Revenue (Adv Currency)", "revenue_adv_currency", Values.AMOUNT, Values.decimal()),
          required(
              "Media Cost (Advertiser Currency)", "media_cost_adv_currency", Values.AMOUNT, Values.decimal()),
          optional(
              "Total Media Cost (Advertiser Currency)",
              "total_media_cost_adv_currency",
              Values.AMOUNT,
              Values.decimal()));

  @Override
  public String name() {
    return "dv360_delivery";
  }

  @Override
  public Source source() {
    return Source.DV360;
  }

  @Override
  public TableSpec table() {
    return Tables.BRONZE_DV360;
  }

  @Override
  public List<FormatField> fields() {
    return FIELDS;
  }

  /** The totals row has every dimension empty; a blank line also ends the data. */
  @Override
  protected boolean startsFooter(Header header, String[] cells, boolean blank) {
    if (blank) {
      return true;
    }
    int date = header.position("Date");
    int lineItem = header.position("Line Item ID");
    return date >= 0
        && lineItem >= 0
        && cells.length > Math.max(date, lineItem)
        && cells[date].isBlank()
        && cells[lineItem].isBlank();
  }

  /** Footer metadata lines are {@code Key:,value} pairs, blank lines, or the totals row. */
  @Override
  protected boolean isFooterLine(String text) {
    String first = text.split(",", 2)[0].replace("\"", "").strip();
    return text.isBlank() || first.endsWith(":") || first.isEmpty();
  }
}

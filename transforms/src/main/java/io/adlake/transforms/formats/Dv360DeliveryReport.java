package io.adlake.transforms.formats;

import static io.adlake.platforms.dv360.Dv360ReportColumn.ADVERTISER_CURRENCY;
import static io.adlake.platforms.dv360.Dv360ReportColumn.ADVERTISER_ID;
import static io.adlake.platforms.dv360.Dv360ReportColumn.ADVERTISER_NAME;
import static io.adlake.platforms.dv360.Dv360ReportColumn.CLICKS;
import static io.adlake.platforms.dv360.Dv360ReportColumn.DATE;
import static io.adlake.platforms.dv360.Dv360ReportColumn.IMPRESSIONS;
import static io.adlake.platforms.dv360.Dv360ReportColumn.INSERTION_ORDER_ID;
import static io.adlake.platforms.dv360.Dv360ReportColumn.INSERTION_ORDER_NAME;
import static io.adlake.platforms.dv360.Dv360ReportColumn.INVENTORY_SOURCE_EXTERNAL_ID;
import static io.adlake.platforms.dv360.Dv360ReportColumn.INVENTORY_SOURCE_NAME;
import static io.adlake.platforms.dv360.Dv360ReportColumn.LINE_ITEM_ID;
import static io.adlake.platforms.dv360.Dv360ReportColumn.LINE_ITEM_NAME;
import static io.adlake.platforms.dv360.Dv360ReportColumn.MEDIA_COST;
import static io.adlake.platforms.dv360.Dv360ReportColumn.REVENUE;
import static io.adlake.platforms.dv360.Dv360ReportColumn.TOTAL_CONVERSIONS;
import static io.adlake.platforms.dv360.Dv360ReportColumn.TOTAL_MEDIA_COST;
import static io.adlake.transforms.formats.FormatField.optional;
import static io.adlake.transforms.formats.FormatField.required;

import io.adlake.model.Source;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.DataTypes;

/**
 * DV360 offline report (Reporting → Offline report, CSV) at line item x day. DV360 writes dates as
 * {@code yyyy/MM/dd} and appends, after the data, a totals row with empty dimensions, a blank line
 * and metadata lines. Real reports carry more of them than {@code Report Time:} and {@code Date
 * Range:}: {@code Group By:} and {@code Filter by ...:} lines, an {@code MRC Accredited Metrics}
 * note without a colon, and quoted notes such as "Reporting numbers from the previous month are
 * finalized for billing on the fourth of every month." (see the footer of any report downloaded
 * from DV360's Reporting UI or the Bid Manager API's report file). All of it is footer, not data:
 * only a line that reads as a data row (the header's cells, a report date and a line item id) is
 * stray data after the footer and quarantined.
 */
public final class Dv360DeliveryReport extends CsvExportFormat {

  private static final List<FormatField> FIELDS =
      List.of(
          required(
              DATE.header(),
              "report_date",
              DataTypes.DateType,
              Values.date("yyyy/MM/dd", "yyyy-MM-dd")),
          optional(
              ADVERTISER_NAME.header(), "advertiser_name", DataTypes.StringType, Values.text()),
          required(ADVERTISER_ID.header(), "advertiser_id", DataTypes.StringType, Values.text()),
          required(
              ADVERTISER_CURRENCY.header(),
              "advertiser_currency",
              DataTypes.StringType,
              Values.currency()),
          optional(
              INSERTION_ORDER_NAME.header(),
              "insertion_order_name",
              DataTypes.StringType,
              Values.text()),
          required(
              INSERTION_ORDER_ID.header(),
              "insertion_order_id",
              DataTypes.StringType,
              Values.text()),
          optional(LINE_ITEM_NAME.header(), "line_item_name", DataTypes.StringType, Values.text()),
          required(LINE_ITEM_ID.header(), "line_item_id", DataTypes.StringType, Values.text()),
          // present when the report is broken down by inventory source: the deal id as the exchange
          // knows it
          optional(
              INVENTORY_SOURCE_EXTERNAL_ID.header(),
              "deal_id",
              DataTypes.StringType,
              Values.text()),
          optional(
              INVENTORY_SOURCE_NAME.header(), "deal_name", DataTypes.StringType, Values.text()),
          required(
              IMPRESSIONS.header(),
              "impressions",
              DataTypes.LongType,
              Values.nonNegativeWholeNumber()),
          required(CLICKS.header(), "clicks", DataTypes.LongType, Values.nonNegativeWholeNumber()),
          optional(
              TOTAL_CONVERSIONS.header(), "total_conversions", Values.AMOUNT, Values.decimal()),
          optional(REVENUE.header(), "revenue_adv_currency", Values.AMOUNT, Values.decimal()),
          required(MEDIA_COST.header(), "media_cost_adv_currency", Values.AMOUNT, Values.decimal()),
          optional(
              TOTAL_MEDIA_COST.header(),
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
    int date = header.position(DATE.header());
    int lineItem = header.position(LINE_ITEM_ID.header());
    return date >= 0
        && lineItem >= 0
        && cells.length > Math.max(date, lineItem)
        && cells[date].isBlank()
        && cells[lineItem].isBlank();
  }

  /** Inside the footer, only a line shaped like a data row is not metadata. */
  @Override
  protected boolean isFooterLine(Header header, String[] cells) {
    if (cells == null || cells.length != header.names().size()) {
      return true;
    }
    int date = header.position(DATE.header());
    int lineItem = header.position(LINE_ITEM_ID.header());
    if (date < 0 || lineItem < 0 || cells[lineItem] == null || cells[lineItem].isBlank()) {
      return true;
    }
    return !REPORT_DATE.matcher(cells[date] == null ? "" : cells[date].strip()).matches();
  }

  private static final Pattern REPORT_DATE = Pattern.compile("\\d{4}[/-]\\d{2}[/-]\\d{2}");
}

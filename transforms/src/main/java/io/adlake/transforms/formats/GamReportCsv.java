package io.adlake.transforms.formats;

import static io.adlake.platforms.gam.GamReportField.AD_UNIT_ID;
import static io.adlake.platforms.gam.GamReportField.AD_UNIT_NAME;
import static io.adlake.platforms.gam.GamReportField.BUYER_ID;
import static io.adlake.platforms.gam.GamReportField.BUYER_NAME;
import static io.adlake.platforms.gam.GamReportField.DATE;
import static io.adlake.platforms.gam.GamReportField.DEAL_ID;
import static io.adlake.platforms.gam.GamReportField.DEAL_NAME;
import static io.adlake.platforms.gam.GamReportField.GROSS_REVENUE;
import static io.adlake.platforms.gam.GamReportField.IMPRESSIONS;
import static io.adlake.platforms.gam.GamReportField.NET_REVENUE;
import static io.adlake.transforms.formats.FormatField.optional;
import static io.adlake.transforms.formats.FormatField.required;

import io.adlake.model.Source;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import io.adlake.model.org.SourceOptions;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/**
 * Google Ad Manager report export in {@code CSV_DUMP} format (ReportService, {@code
 * ExportFormat.CSV_DUMP}, API v202508): a historical report at ad unit x programmatic deal x deal
 * buyer x day. As that format is documented:
 *
 * <ul>
 *   <li>headers are qualified names ({@code Dimension.DATE}, {@code
 *       Column.TOTAL_LINE_ITEM_LEVEL_IMPRESSIONS}), there is no pretty printing and no totals row;
 *   <li>network-currency money is bare micros, local-currency money a currency symbol, a space and
 *       micros (see {@link SspMoney}); a cell that is not whole micros, or a symbol that names no
 *       single currency, quarantines the row;
 *   <li>dates are ISO {@code YYYY-MM-DD}, days in the network's timezone (the report query can set
 *       another).
 * </ul>
 *
 * <p>The network's timezone and currency are not in the file, so the org declares them ({@code
 * sources.gam.timezone} and {@code sources.gam.currency}); without them a row cannot be placed on a
 * day or valued, and is quarantined with that reason rather than read in the org's own timezone by
 * accident.
 *
 * <p>Ad Manager renamed {@code PROGRAMMATIC_BUYER_ID/NAME} to {@code DEAL_BUYER_ID/NAME} (release
 * notes, August 2025; the old names were aliases until October 2025): files of either vintage are
 * read. Gross revenue is the line-item-level CPM and CPC revenue (for programmatic guaranteed and
 * preferred deals, the deal price times impressions: what the buyer pays); net revenue is Ad
 * Exchange line-item-level revenue, after Google's revenue share, when the report has it.
 */
public final class GamReportCsv extends CsvExportFormat {

  private static final List<FormatField> FIELDS =
      List.of(
          required(DATE.header(), "report_date", DataTypes.DateType, Values.date("yyyy-MM-dd")),
          required(AD_UNIT_ID.header(), "ad_unit_id", DataTypes.StringType, Values.text()),
          optional(AD_UNIT_NAME.header(), "ad_unit_name", DataTypes.StringType, Values.text()),
          optional(DEAL_ID.header(), "deal_id", DataTypes.StringType, Values.text()),
          optional(DEAL_NAME.header(), "deal_name", DataTypes.StringType, Values.text()),
          optional(BUYER_ID.header(), "buyer_id", DataTypes.StringType, Values.text())
              .alsoNamed(BUYER_ID.formerHeader()),
          optional(BUYER_NAME.header(), "buyer_name", DataTypes.StringType, Values.text())
              .alsoNamed(BUYER_NAME.formerHeader()),
          required(
              IMPRESSIONS.header(),
              "impressions",
              DataTypes.LongType,
              Values.nonNegativeWholeNumber()),
          required(GROSS_REVENUE.header(), "gross_revenue", Values.AMOUNT, SspMoney.micros()),
          optional(NET_REVENUE.header(), "net_revenue", Values.AMOUNT, SspMoney.micros()),
          // derived, never headers of the file
          optional(
              "(currency of the money columns)",
              "currency",
              DataTypes.StringType,
              Values.currency()),
          optional(
              "(network timezone, from the org)",
              "report_timezone",
              DataTypes.StringType,
              Values.text()));

  private final int gross = index("gross_revenue");
  private final int net = index("net_revenue");
  private final int currency = index("currency");
  private final int timezone = index("report_timezone");

  @Override
  public String name() {
    return "gam_report";
  }

  @Override
  public Source source() {
    return Source.GAM;
  }

  @Override
  public TableSpec table() {
    return Tables.BRONZE_GAM;
  }

  @Override
  public List<FormatField> fields() {
    return FIELDS;
  }

  @Override
  protected Object[] toValues(Header header, String[] cells, SourceOptions options)
      throws BadValueException {
    if (options.timezone() == null) {
      throw new BadValueException(
          "the org does not declare its Ad Manager network timezone (sources.gam.timezone): the report's days cannot be placed");
    }
    Object[] values = super.toValues(header, cells, options);
    String grossCurrency = labelled(header, cells, gross, options);
    String netCurrency =
        values[net] == null ? grossCurrency : labelled(header, cells, net, options);
    if (!grossCurrency.equals(netCurrency)) {
      throw new BadValueException(
          "gross revenue is in "
              + grossCurrency
              + " and net revenue in "
              + netCurrency
              + ": one row, one currency");
    }
    values[currency] = grossCurrency;
    values[timezone] = options.timezone();
    return values;
  }

  /** The currency of a money cell: its symbol's, else the network currency the org declares. */
  private String labelled(Header header, String[] cells, int field, SourceOptions options)
      throws BadValueException {
    String symbolled = SspMoney.currencyOf(cells[header.fieldPositions()[field]]);
    if (symbolled != null) {
      return symbolled;
    }
    if (options.currency() == null) {
      throw new BadValueException(
          "column '"
              + FIELDS.get(field).header()
              + "' is in the network currency, which the org does not declare (sources.gam.currency)");
    }
    return options.currency();
  }
}

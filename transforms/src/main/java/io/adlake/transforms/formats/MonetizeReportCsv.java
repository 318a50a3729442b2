package io.adlake.transforms.formats;

import static io.adlake.platforms.monetize.MonetizeReportColumn.BUYER_MEMBER_ID;
import static io.adlake.platforms.monetize.MonetizeReportColumn.BUYER_MEMBER_NAME;
import static io.adlake.platforms.monetize.MonetizeReportColumn.DAY;
import static io.adlake.platforms.monetize.MonetizeReportColumn.DEAL_ID;
import static io.adlake.platforms.monetize.MonetizeReportColumn.DEAL_NAME;
import static io.adlake.platforms.monetize.MonetizeReportColumn.IMPS;
import static io.adlake.platforms.monetize.MonetizeReportColumn.PLACEMENT_ID;
import static io.adlake.platforms.monetize.MonetizeReportColumn.PLACEMENT_NAME;
import static io.adlake.platforms.monetize.MonetizeReportColumn.PUBLISHER_CURRENCY;
import static io.adlake.platforms.monetize.MonetizeReportColumn.PUBLISHER_ID;
import static io.adlake.platforms.monetize.MonetizeReportColumn.PUBLISHER_NAME;
import static io.adlake.platforms.monetize.MonetizeReportColumn.PUBLISHER_REVENUE;
import static io.adlake.platforms.monetize.MonetizeReportColumn.PUBLISHER_REVENUE_PUB_CURR;
import static io.adlake.platforms.monetize.MonetizeReportColumn.REVENUE;
import static io.adlake.transforms.formats.FormatField.optional;
import static io.adlake.transforms.formats.FormatField.required;

import io.adlake.model.Source;
import io.adlake.model.Ssp;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import io.adlake.model.org.SourceOptions;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/**
 * Microsoft Monetize (Xandr) seller report as the Report Service downloads it (CSV, columns named
 * as requested: Network Analytics / Network Publisher Analytics, {@code report_interval} days), at
 * placement x deal x buying member x day. As the Digital Platform API documents these reports:
 *
 * <ul>
 *   <li>times are in the member's report timezone, {@code EST5EDT} unless the request sets another
 *       (the org says so in {@code sources.monetize.timezone});
 *   <li>money is in decimal units ({@code 400.05}), not micros: {@code revenue} and {@code
 *       publisher_revenue} in the selling currency (USD unless the org's {@code
 *       sources.monetize.currency} says otherwise), and {@code publisher_revenue_pub_curr} in the
 *       publisher's own currency, named by {@code publisher_currency};
 *   <li>{@code deal_id} and {@code buyer_member_id} are integers.
 * </ul>
 *
 * Gross revenue is {@code revenue} (what buyers paid); net is {@code publisher_revenue} (the
 * publisher's share), both in the selling currency so one rate converts the row. The
 * publisher-currency amount stays in bronze.
 */
public final class MonetizeReportCsv extends CsvExportFormat {

  private static final List<FormatField> FIELDS =
      List.of(
          required(DAY.header(), "report_date", DataTypes.DateType, Values.date("yyyy-MM-dd")),
          optional(PUBLISHER_ID.header(), "publisher_id", DataTypes.StringType, integerId()),
          optional(PUBLISHER_NAME.header(), "publisher_name", DataTypes.StringType, Values.text()),
          required(PLACEMENT_ID.header(), "placement_id", DataTypes.StringType, integerId()),
          optional(PLACEMENT_NAME.header(), "placement_name", DataTypes.StringType, Values.text()),
          optional(DEAL_ID.header(), "deal_id", DataTypes.StringType, integerId()),
          optional(DEAL_NAME.header(), "deal_name", DataTypes.StringType, Values.text()),
          optional(BUYER_MEMBER_ID.header(), "buyer_member_id", DataTypes.StringType, integerId()),
          optional(
              BUYER_MEMBER_NAME.header(), "buyer_member_name", DataTypes.StringType, Values.text()),
          required(
              IMPS.header(), "impressions", DataTypes.LongType, Values.nonNegativeWholeNumber()),
          required(REVENUE.header(), "revenue", Values.AMOUNT, Values.decimal()),
          optional(
              PUBLISHER_REVENUE.header(), "publisher_revenue", Values.AMOUNT, Values.decimal()),
          optional(
              PUBLISHER_CURRENCY.header(),
              "publisher_currency",
              DataTypes.StringType,
              Values.currency()),
          optional(
              PUBLISHER_REVENUE_PUB_CURR.header(),
              "publisher_revenue_pub_curr",
              Values.AMOUNT,
              Values.decimal()),
          // derived, never headers of the file
          optional(
              "(selling currency, from the org)",
              "currency",
              DataTypes.StringType,
              Values.currency()),
          optional(
              "(report timezone, from the org)",
              "report_timezone",
              DataTypes.StringType,
              Values.text()));

  private final int currency = index("currency");
  private final int timezone = index("report_timezone");
  private final int publisherCurrency = index("publisher_currency");
  private final int publisherRevenuePub = index("publisher_revenue_pub_curr");

  @Override
  public String name() {
    return "monetize_report";
  }

  @Override
  public Source source() {
    return Source.MONETIZE;
  }

  @Override
  public TableSpec table() {
    return Tables.BRONZE_MONETIZE;
  }

  @Override
  public List<FormatField> fields() {
    return FIELDS;
  }

  @Override
  protected Object[] toValues(Header header, String[] cells, SourceOptions options)
      throws BadValueException {
    Object[] values = super.toValues(header, cells, options);
    if (values[publisherRevenuePub] != null && values[publisherCurrency] == null) {
      throw new BadValueException(
          "column '"
              + PUBLISHER_REVENUE_PUB_CURR.header()
              + "' has an amount but '"
              + PUBLISHER_CURRENCY.header()
              + "' does not say its currency");
    }
    values[currency] =
        options.currency() != null
            ? options.currency()
            : Ssp.MONETIZE.defaultCurrency().orElseThrow();
    values[timezone] =
        options.timezone() != null
            ? options.timezone()
            : Ssp.MONETIZE.defaultTimezone().orElseThrow();
    return values;
  }

  /**
   * Monetize ids are integers; kept as text, as every id is, so the buy side's deal ids meet them.
   */
  private static ValueParser integerId() {
    return (cell, options) -> {
      if (!cell.matches("\\d{1,19}")) {
        throw new BadValueException("not an integer id: '" + cell + "'");
      }
      return cell.replaceFirst("^0+(?=\\d)", "");
    };
  }
}

package io.adlake.transforms.formats;

import static io.adlake.platforms.monetize.MonetizeReportColumn.BUYER_MEMBER_ID;
import static io.adlake.platforms.monetize.MonetizeReportColumn.BUYER_MEMBER_NAME;
import static io.adlake.platforms.monetize.MonetizeReportColumn.DAY;
import static io.adlake.platforms.monetize.MonetizeReportColumn.DEAL_ID;
import static io.adlake.platforms.monetize.MonetizeReportColumn.DEAL_NAME;
import static io.adlake.platforms.monetize.MonetizeReportColumn.IMPS;
import static io.adlake.platforms.monetize.MonetizeReportColumn.IMPS_TOTAL;
import static io.adlake.platforms.monetize.MonetizeReportColumn.NETWORK_REVENUE;
import static io.adlake.platforms.monetize.MonetizeReportColumn.PLACEMENT_ID;
import static io.adlake.platforms.monetize.MonetizeReportColumn.PLACEMENT_NAME;
import static io.adlake.platforms.monetize.MonetizeReportColumn.PUBLISHER_CURRENCY;
import static io.adlake.platforms.monetize.MonetizeReportColumn.PUBLISHER_ID;
import static io.adlake.platforms.monetize.MonetizeReportColumn.PUBLISHER_NAME;
import static io.adlake.platforms.monetize.MonetizeReportColumn.PUBLISHER_REVENUE;
import static io.adlake.platforms.monetize.MonetizeReportColumn.PUBLISHER_REVENUE_PUB_CURR;
import static io.adlake.platforms.monetize.MonetizeReportColumn.REVENUE;
import static io.adlake.platforms.monetize.MonetizeReportColumn.REVENUE_SELLING_CURRENCY;
import static io.adlake.platforms.monetize.MonetizeReportColumn.SELLING_CURRENCY;
import static io.adlake.transforms.formats.FormatField.optional;
import static io.adlake.transforms.formats.FormatField.required;

import io.adlake.model.Source;
import io.adlake.model.Ssp;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import io.adlake.model.org.SourceOptions;
import io.adlake.platforms.monetize.MonetizeReportColumn;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.DataTypes;

/**
 * Microsoft Monetize (Xandr) seller reports as the Report Service downloads them (CSV, columns
 * named as requested), at placement x deal x buying member x day. Two report types carry a seller's
 * delivery and this reader takes either, telling them apart by their impressions column and keeping
 * which in {@code report_type} ({@link MonetizeReportColumn}):
 *
 * <ul>
 *   <li>Network Analytics: {@code imps}, {@code revenue} (booked plus reseller revenue: gross),
 *       optionally {@code revenue_selling_currency}; no publisher revenue, so net is null;
 *   <li>Network Publisher Analytics: {@code imps_total}, {@code network_revenue} (gross), {@code
 *       publisher_revenue} (net) and {@code publisher_revenue_pub_curr} in the currency {@code
 *       publisher_currency} names.
 * </ul>
 *
 * As the Digital Platform API documents these reports: money is in decimal units ({@code 400.05}),
 * not micros, in USD unless the report is broken down by {@code selling_currency}, whose cell then
 * names each row's currency (the org's {@code sources.monetize.currency} overrides USD for a member
 * whose reports say otherwise); times are in the member's report timezone, {@code EST5EDT} unless
 * the request set another ({@code sources.monetize.timezone}); silver reads days older than 100
 * days at delivery in UTC, as the Report Service reports them; {@code deal_id} and {@code
 * buyer_member_id} are integers.
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
          // One report type's or the other's (checkHeader says which is there).
          optional(
                  IMPS.header(), "impressions", DataTypes.LongType, Values.nonNegativeWholeNumber())
              .alsoNamed(IMPS_TOTAL.header()),
          optional(REVENUE.header(), "revenue", Values.AMOUNT, Values.decimal())
              .alsoNamed(NETWORK_REVENUE.header()),
          optional(
              REVENUE_SELLING_CURRENCY.header(),
              "revenue_selling_currency",
              Values.AMOUNT,
              Values.decimal()),
          optional(
              SELLING_CURRENCY.header(),
              "selling_currency",
              DataTypes.StringType,
              Values.currency()),
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
              "(report type, from the impressions column)",
              "report_type",
              DataTypes.StringType,
              Values.text()),
          optional(
              "(currency of revenue and publisher_revenue)",
              "currency",
              DataTypes.StringType,
              Values.currency()),
          optional(
              "(report timezone, from the org)",
              "report_timezone",
              DataTypes.StringType,
              Values.text()));

  private final int impressions = index("impressions");
  private final int revenue = index("revenue");
  private final int sellingCurrency = index("selling_currency");
  private final int reportType = index("report_type");
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

  /** The report type a header belongs to; empty when it has neither type's impressions. */
  private static Optional<MonetizeReportColumn.Type> type(List<String> names) {
    if (names.stream().anyMatch(IMPS.header()::equalsIgnoreCase)) {
      return Optional.of(MonetizeReportColumn.Type.NETWORK_ANALYTICS);
    }
    if (names.stream().anyMatch(IMPS_TOTAL.header()::equalsIgnoreCase)) {
      return Optional.of(MonetizeReportColumn.Type.NETWORK_PUBLISHER_ANALYTICS);
    }
    return Optional.empty();
  }

  @Override
  protected String checkHeader(List<String> names, int[] positions) {
    Optional<MonetizeReportColumn.Type> type = type(names);
    if (type.isEmpty()) {
      return "file header has neither '"
          + IMPS.header()
          + "' (network_analytics) nor '"
          + IMPS_TOTAL.header()
          + "' (network_publisher_analytics)";
    }
    MonetizeReportColumn gross =
        type.get() == MonetizeReportColumn.Type.NETWORK_ANALYTICS ? REVENUE : NETWORK_REVENUE;
    if (names.stream().noneMatch(gross.header()::equalsIgnoreCase)) {
      return "a "
          + type.get().reportType()
          + " report without its revenue column '"
          + gross.header()
          + "'";
    }
    return super.checkHeader(names, positions);
  }

  @Override
  protected Object[] toValues(Header header, String[] cells, SourceOptions options)
      throws BadValueException {
    Object[] values = super.toValues(header, cells, options);
    if (values[impressions] == null || values[revenue] == null) {
      throw new BadValueException("no impressions or no revenue (a blank cell)");
    }
    values[reportType] = type(header.names()).orElseThrow().reportType();
    if (values[publisherRevenuePub] != null && values[publisherCurrency] == null) {
      throw new BadValueException(
          "column '"
              + PUBLISHER_REVENUE_PUB_CURR.header()
              + "' has an amount but '"
              + PUBLISHER_CURRENCY.header()
              + "' does not say its currency");
    }
    values[currency] =
        values[sellingCurrency] != null
            ? values[sellingCurrency]
            : options.currency() != null
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

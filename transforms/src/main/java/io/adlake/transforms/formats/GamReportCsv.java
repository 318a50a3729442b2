package io.adlake.transforms.formats;

import static io.adlake.platforms.gam.GamReportField.AD_EXCHANGE_IMPRESSIONS;
import static io.adlake.platforms.gam.GamReportField.AD_EXCHANGE_REVENUE;
import static io.adlake.platforms.gam.GamReportField.AD_SERVER_IMPRESSIONS;
import static io.adlake.platforms.gam.GamReportField.AD_SERVER_REVENUE;
import static io.adlake.platforms.gam.GamReportField.AD_UNIT_ID;
import static io.adlake.platforms.gam.GamReportField.AD_UNIT_NAME;
import static io.adlake.platforms.gam.GamReportField.BUYER_ID;
import static io.adlake.platforms.gam.GamReportField.BUYER_NAME;
import static io.adlake.platforms.gam.GamReportField.DATE;
import static io.adlake.platforms.gam.GamReportField.DEAL_ID;
import static io.adlake.platforms.gam.GamReportField.DEAL_NAME;
import static io.adlake.platforms.gam.GamReportField.TOTAL_IMPRESSIONS;
import static io.adlake.platforms.gam.GamReportField.TOTAL_REVENUE;
import static io.adlake.transforms.formats.FormatField.optional;
import static io.adlake.transforms.formats.FormatField.required;

import io.adlake.model.Source;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import io.adlake.model.org.SourceOptions;
import io.adlake.platforms.gam.GamApi;
import io.adlake.platforms.gam.GamMetricFamily;
import io.adlake.platforms.gam.GamReportField;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.DataTypes;

/**
 * Google Ad Manager report export in {@code CSV_DUMP} format (ReportService, {@code
 * ExportFormat.CSV_DUMP}, SOAP API, {@link GamApi#VERSION}): a historical report at ad unit x
 * programmatic deal x programmatic buyer x day. As that format is documented:
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
 * <p>A report holds the column families its query asked for ({@link GamMetricFamily}): adlake's own
 * query asks for the total family and Ad Exchange's revenue; a programmatic-deals report made in Ad
 * Manager may hold Ad Exchange's family alone. Impressions and revenue come from the widest family
 * the file has, and {@code metric_family} keeps which: gross revenue is the total or Ad Server
 * revenue, net revenue Ad Exchange's, and a report of Ad Exchange's family alone has no gross
 * revenue.
 */
public final class GamReportCsv extends CsvExportFormat {

  private static final List<FormatField> FIELDS =
      List.of(
          required(DATE.header(), "report_date", DataTypes.DateType, Values.date("yyyy-MM-dd")),
          required(AD_UNIT_ID.header(), "ad_unit_id", DataTypes.StringType, Values.text()),
          optional(AD_UNIT_NAME.header(), "ad_unit_name", DataTypes.StringType, Values.text()),
          optional(DEAL_ID.header(), "deal_id", DataTypes.StringType, Values.text()),
          optional(DEAL_NAME.header(), "deal_name", DataTypes.StringType, Values.text()),
          optional(BUYER_ID.header(), "buyer_id", DataTypes.StringType, Values.text()),
          optional(BUYER_NAME.header(), "buyer_name", DataTypes.StringType, Values.text()),
          // From the widest family present (positions below): the header names each family's.
          optional(
                  TOTAL_IMPRESSIONS.header(),
                  "impressions",
                  DataTypes.LongType,
                  Values.nonNegativeWholeNumber())
              .alsoNamed(AD_SERVER_IMPRESSIONS.header(), AD_EXCHANGE_IMPRESSIONS.header()),
          optional(TOTAL_REVENUE.header(), "gross_revenue", Values.AMOUNT, SspMoney.micros())
              .alsoNamed(AD_SERVER_REVENUE.header()),
          optional(AD_EXCHANGE_REVENUE.header(), "net_revenue", Values.AMOUNT, SspMoney.micros()),
          // derived, never headers of the file
          optional(
              "(column family of impressions and revenue)",
              "metric_family",
              DataTypes.StringType,
              Values.text()),
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

  private final int impressions = index("impressions");
  private final int gross = index("gross_revenue");
  private final int net = index("net_revenue");
  private final int family = index("metric_family");
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

  /** Impressions and gross revenue from the widest family present; net is Ad Exchange's. */
  @Override
  protected int[] positions(List<String> names) {
    int[] positions = super.positions(names);
    Optional<GamMetricFamily> present = GamMetricFamily.of(names);
    positions[impressions] = present.map(f -> position(names, f.impressions())).orElse(-1);
    positions[gross] =
        present
            .filter(GamMetricFamily::grossRevenue)
            .map(f -> position(names, f.revenue()))
            .orElse(-1);
    return positions;
  }

  @Override
  protected String checkHeader(List<String> names, int[] positions) {
    Optional<GamMetricFamily> present = GamMetricFamily.of(names);
    if (present.isEmpty()) {
      return "file header has no impressions column of any family (one of "
          + Arrays.stream(GamMetricFamily.values()).map(f -> f.impressions().header()).toList()
          + ")";
    }
    GamReportField revenue = present.get().revenue();
    if (position(names, revenue) < 0) {
      return "file header has "
          + present.get().impressions().header()
          + " but not its family's revenue column "
          + revenue.header();
    }
    return super.checkHeader(names, positions);
  }

  private static int position(List<String> names, GamReportField field) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(field.header())) {
        return i;
      }
    }
    return -1;
  }

  @Override
  protected Object[] toValues(Header header, String[] cells, SourceOptions options)
      throws BadValueException {
    if (options.timezone() == null) {
      throw new BadValueException(
          "the org does not declare its Ad Manager network timezone (sources.gam.timezone): the report's days cannot be placed");
    }
    Object[] values = super.toValues(header, cells, options);
    GamMetricFamily present = GamMetricFamily.of(header.names()).orElseThrow();
    if (values[impressions] == null) {
      throw new BadValueException(
          "no impressions in " + present.impressions().header() + " (a blank cell)");
    }
    int revenue = present.grossRevenue() ? gross : net;
    if (values[revenue] == null) {
      throw new BadValueException(
          "no revenue in " + present.revenue().header() + " (a blank cell)");
    }
    values[family] = present.code();
    String grossCurrency = values[gross] == null ? null : labelled(header, cells, gross, options);
    String netCurrency = values[net] == null ? null : labelled(header, cells, net, options);
    if (grossCurrency != null && netCurrency != null && !grossCurrency.equals(netCurrency)) {
      throw new BadValueException(
          "gross revenue is in "
              + grossCurrency
              + " and net revenue in "
              + netCurrency
              + ": one row, one currency");
    }
    values[currency] = grossCurrency != null ? grossCurrency : netCurrency;
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
              + header.names().get(header.fieldPositions()[field])
              + "' is in the network currency, which the org does not declare (sources.gam.currency)");
    }
    return options.currency();
  }
}

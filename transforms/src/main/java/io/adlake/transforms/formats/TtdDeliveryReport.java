package io.adlake.transforms.formats;

import static io.adlake.platforms.ttd.TtdReportColumn.ADVERTISER_COST;
import static io.adlake.platforms.ttd.TtdReportColumn.ADVERTISER_CURRENCY_CODE;
import static io.adlake.platforms.ttd.TtdReportColumn.ADVERTISER_ID;
import static io.adlake.platforms.ttd.TtdReportColumn.ADVERTISER_NAME;
import static io.adlake.platforms.ttd.TtdReportColumn.AD_GROUP_ID;
import static io.adlake.platforms.ttd.TtdReportColumn.AD_GROUP_NAME;
import static io.adlake.platforms.ttd.TtdReportColumn.CAMPAIGN_ID;
import static io.adlake.platforms.ttd.TtdReportColumn.CAMPAIGN_NAME;
import static io.adlake.platforms.ttd.TtdReportColumn.CLICKS;
import static io.adlake.platforms.ttd.TtdReportColumn.DATE;
import static io.adlake.platforms.ttd.TtdReportColumn.DEAL_ID;
import static io.adlake.platforms.ttd.TtdReportColumn.IMPRESSIONS;
import static io.adlake.platforms.ttd.TtdReportColumn.MEDIA_COST;
import static io.adlake.platforms.ttd.TtdReportColumn.PARTNER_COST;
import static io.adlake.platforms.ttd.TtdReportColumn.TOTAL_CONVERSIONS;
import static io.adlake.transforms.formats.FormatField.optional;
import static io.adlake.transforms.formats.FormatField.required;

import io.adlake.model.Source;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import io.adlake.model.org.SourceOptions;
import io.adlake.platforms.ttd.TtdReportColumn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/**
 * The Trade Desk MyReports export at ad group x day. The export follows the locale of the user who
 * scheduled it: an org can deliver {@code 20/11/2026} with {@code 1.234,56} and a semicolon
 * delimiter. The date format and decimal mark come from the org's source options; the delimiter is
 * read off the header.
 *
 * <p>Conversions come one column per conversion reporting column of the campaign, named by its
 * position or its tracking tag: {@code 01 - Total Click + View Conversions}, {@code Purchase -
 * Total Click + View Conversions}. A report with the plain {@code Total Click + View Conversions}
 * column uses it; otherwise the prefixed columns are summed (only those the org's {@code
 * conversion_types} names, when it names any), and {@code conversion_columns} says which were
 * counted.
 */
public final class TtdDeliveryReport extends CsvExportFormat {

  private static final List<FormatField> FIELDS =
      List.of(
          required(
              DATE.header(),
              "report_date",
              DataTypes.DateType,
              Values.date("yyyy-MM-dd", "M/d/yyyy")),
          optional(
              ADVERTISER_NAME.header(), "advertiser_name", DataTypes.StringType, Values.text()),
          required(ADVERTISER_ID.header(), "advertiser_id", DataTypes.StringType, Values.text()),
          optional(CAMPAIGN_NAME.header(), "campaign_name", DataTypes.StringType, Values.text()),
          required(CAMPAIGN_ID.header(), "campaign_id", DataTypes.StringType, Values.text()),
          optional(AD_GROUP_NAME.header(), "ad_group_name", DataTypes.StringType, Values.text()),
          required(AD_GROUP_ID.header(), "ad_group_id", DataTypes.StringType, Values.text()),
          // present when the report has the deal dimension: the deal id the supply vendor issued
          optional(DEAL_ID.header(), "deal_id", DataTypes.StringType, Values.text()),
          required(
              IMPRESSIONS.header(),
              "impressions",
              DataTypes.LongType,
              Values.nonNegativeWholeNumber()),
          required(CLICKS.header(), "clicks", DataTypes.LongType, Values.nonNegativeWholeNumber()),
          optional(
              TOTAL_CONVERSIONS.header(), "total_conversions", Values.AMOUNT, Values.decimal()),
          required(
              ADVERTISER_COST.header(),
              "advertiser_cost_adv_currency",
              Values.AMOUNT,
              Values.decimal()),
          optional(
              PARTNER_COST.header(), "partner_cost_adv_currency", Values.AMOUNT, Values.decimal()),
          required(MEDIA_COST.header(), "media_cost_adv_currency", Values.AMOUNT, Values.decimal()),
          required(
              ADVERTISER_CURRENCY_CODE.header(),
              "advertiser_currency",
              DataTypes.StringType,
              Values.currency()),
          // derived, never a header of the file: which conversion columns total_conversions counts
          optional(
              "(conversion columns counted)",
              "conversion_columns",
              DataTypes.StringType,
              Values.text()));

  @Override
  public String name() {
    return "ttd_delivery";
  }

  @Override
  public Source source() {
    return Source.TTD;
  }

  @Override
  public TableSpec table() {
    return Tables.BRONZE_TTD;
  }

  @Override
  public List<FormatField> fields() {
    return FIELDS;
  }

  /**
   * Which of a file's columns are the conversions it counts, worked out once per file (per header).
   */
  private record Counted(
      Header header,
      SourceOptions options,
      boolean plain,
      List<Integer> positions,
      List<FormatField> fields,
      String names) {}

  private final int total = index("total_conversions");
  private final int countedColumns = index("conversion_columns");

  /**
   * The last file's selection; a new header (or a race between threads) only works it out again.
   * Not shipped.
   */
  private transient volatile Counted last;

  @Override
  protected Object[] toValues(Header header, String[] cells, SourceOptions options)
      throws BadValueException {
    Object[] values = super.toValues(header, cells, options);
    Counted counted = counted(header, options);
    values[countedColumns] = counted.names();
    if (counted.plain()) {
      return values; // the plain column is a field of its own, read already
    }
    BigDecimal total = null;
    for (int i = 0; i < counted.positions().size(); i++) {
      BigDecimal value =
          (BigDecimal) counted.fields().get(i).read(cells[counted.positions().get(i)], options);
      total = value == null ? total : total == null ? value : total.add(value);
    }
    values[this.total] = total;
    return values;
  }

  private Counted counted(Header header, SourceOptions options) {
    Counted known = last;
    if (known != null && known.header() == header && known.options() == options) {
      return known;
    }
    List<Integer> positions = new ArrayList<>();
    List<FormatField> fields = new ArrayList<>();
    List<String> names = new ArrayList<>();
    boolean plain = header.position(TOTAL_CONVERSIONS.header()) >= 0;
    if (plain) {
      names.add(TOTAL_CONVERSIONS.header());
    } else {
      FormatField conversions = FIELDS.get(total);
      for (int i = 0; i < header.names().size(); i++) {
        String name = header.names().get(i);
        String reportingColumn = TtdReportColumn.reportingColumnOf(name);
        if (reportingColumn == null) {
          continue;
        }
        if (options.conversionTypes() != null
            && !options.conversionTypes().contains(reportingColumn)) {
          continue;
        }
        positions.add(i);
        // named after the file's column, so a bad cell's reason names the column it is in
        fields.add(
            new FormatField(
                name, conversions.column(), conversions.type(), false, conversions.parser()));
        names.add(name);
      }
    }
    Counted selected =
        new Counted(
            header,
            options,
            plain,
            List.copyOf(positions),
            List.copyOf(fields),
            names.isEmpty() ? null : String.join(" + ", names));
    last = selected;
    return selected;
  }
}

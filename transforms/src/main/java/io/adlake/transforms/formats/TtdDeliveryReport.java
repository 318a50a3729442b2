package io.adlake.transforms.formats;

import static io.adlake.transforms.formats.FormatField.optional;
import static io.adlake.transforms.formats.FormatField.required;

import io.adlake.catalog.Source;
import io.adlake.catalog.TableSpec;
import io.adlake.catalog.Tables;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/**
 * The Trade Desk MyReports export at ad group x day. The export follows the locale of the user who scheduled it:
 * an org can deliver {@code 20/11/2026} with {@code 1.234,56} and a semicolon delimiter. The date format and
 * decimal mark come from the org's source options; the delimiter is read off the header.
 */
public final class TtdDeliveryReport extends CsvExportFormat {

  private static final List<FormatField> FIELDS =
      List.of(
          required("Date", "report_date", DataTypes.DateType, Values.date("yyyy-MM-dd", "M/d/yyyy")),
          optional("Advertiser", "advertiser_name", DataTypes.StringType, Values.text()),
          required("Advertiser ID", "advertiser_id", DataTypes.StringType, Values.text()),
          optional("Campaign", "campaign_name", DataTypes.StringType, Values.text()),
          required("Campaign ID", "campaign_id", DataTypes.StringType, Values.text()),
          optional("Ad Group", "ad_group_name", DataTypes.StringType, Values.text()),
          required("Ad Group ID", "ad_group_id", DataTypes.StringType, Values.text()),
          required("Impressions", "impressions", DataTypes.LongType, Values.nonNegativeWholeNumber()),
          required("Clicks", "clicks", DataTypes.LongType, Values.nonNegativeWholeNumber()),
          optional(
              "Total Click + View Conversions", "total_conversions", Values.AMOUNT, Values.decimal()),
          required(
              "Advertiser Cost (Adv Currency)", "advertiser_cost_adv_currency", Values.AMOUNT, Values.decimal()),
          optional("Partner Cost (Adv Currency)", "partner_cost_adv_currency", Values.AMOUNT, Values.decimal()),
          required("Media Cost (Adv Currency)", "media_cost_adv_currency", Values.AMOUNT, Values.decimal()),
          required("Advertiser Currency Code", "advertiser_currency", DataTypes.StringType, Values.currency()));

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
}

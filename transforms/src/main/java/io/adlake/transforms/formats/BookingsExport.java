package io.adlake.transforms.formats;

import static io.adlake.transforms.formats.FormatField.optional;
import static io.adlake.transforms.formats.FormatField.required;

import io.adlake.model.Source;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/**
 * Booked line items exported from Salesforce (Data Loader / Bulk API CSV of OpportunityLineItem
 * with custom fields), headed by API names such as {@code Platform_Entity_Id__c}. Each file is a
 * full snapshot of the org's bookings on its delivery date.
 */
public final class BookingsExport extends CsvExportFormat {

  public static final String CPM = "CPM";
  public static final String CPC = "CPC";
  public static final String FLAT = "Flat";

  private static final List<FormatField> FIELDS =
      List.of(
          required("Id", "booking_line_id", DataTypes.StringType, Values.text()),
          optional("OpportunityId", "opportunity_id", DataTypes.StringType, Values.text()),
          optional("Opportunity.Name", "opportunity_name", DataTypes.StringType, Values.text()),
          required(
              "Opportunity.Account.Name", "advertiser_name", DataTypes.StringType, Values.text()),
          required(
              "Platform__c",
              "platform",
              DataTypes.StringType,
              Values.oneOf("DV360", "The Trade Desk", "Meta")),
          required(
              "Platform_Entity_Id__c", "platform_entity_id", DataTypes.StringType, Values.text()),
          required(
              "Flight_Start__c", "flight_start", DataTypes.DateType, Values.date("yyyy-MM-dd")),
          required("Flight_End__c", "flight_end", DataTypes.DateType, Values.date("yyyy-MM-dd")),
          required("Booked_Budget__c", "booked_budget", Values.AMOUNT, Values.decimal()),
          optional("Sold_Rate__c", "sold_rate", Values.AMOUNT, Values.decimal()),
          required("Buy_Type__c", "buy_type", DataTypes.StringType, Values.oneOf(CPM, CPC, FLAT)),
          required("CurrencyIsoCode", "currency", DataTypes.StringType, Values.currency()));

  @Override
  public String name() {
    return "bookings";
  }

  @Override
  public Source source() {
    return Source.BOOKINGS;
  }

  @Override
  public TableSpec table() {
    return Tables.BRONZE_BOOKINGS;
  }

  @Override
  public List<FormatField> fields() {
    return FIELDS;
  }

  @Override
  protected void checkRow(Object[] v) throws BadValueException {
    Date start = (Date) v[index("flight_start")];
    Date end = (Date) v[index("flight_end")];
    if (end.before(start)) {
      throw new BadValueException("flight ends (" + end + ") before it starts (" + start + ")");
    }
    if (((BigDecimal) v[index("booked_budget")]).signum() < 0) {
      throw new BadValueException("negative booked budget " + v[index("booked_budget")]);
    }
    String buyType = (String) v[index("buy_type")];
    if (!FLAT.equals(buyType) && v[index("sold_rate")] == null) {
      throw new BadValueException(
          "buy type " + buyType + " needs a sold rate; 'Sold_Rate__c' is empty");
    }
  }
}

package io.adlake.transforms.gold;

import io.adlake.transforms.formats.SdfInsertionOrders;
import io.adlake.transforms.formats.Values;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Hand-written silver frames for gold tests: one org "acme" reporting in EUR, only the columns the
 * marts read. Each add method takes the values a test cares about and fills the rest.
 */
public final class GoldFrames {

  public static final String ORG = "acme";

  static final StructType DELIVERY =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("report_date", DataTypes.DateType)
          .add("platform", DataTypes.StringType)
          .add("advertiser_name", DataTypes.StringType)
          .add("campaign_id", DataTypes.StringType)
          .add("line_item_id", DataTypes.StringType)
          .add("impressions", DataTypes.LongType)
          .add("clicks", DataTypes.LongType)
          .add("currency", DataTypes.StringType)
          .add("media_cost", Values.AMOUNT)
          .add("total_media_cost", Values.AMOUNT)
          .add("media_cost_rc", Values.AMOUNT)
          .add("total_media_cost_rc", Values.AMOUNT)
          .add("fx_status", DataTypes.StringType);

  static final StructType BOOKINGS =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("booking_line_id", DataTypes.StringType)
          .add("opportunity_name", DataTypes.StringType)
          .add("advertiser_name", DataTypes.StringType)
          .add("platform", DataTypes.StringType)
          .add("platform_entity_id", DataTypes.StringType)
          .add("flight_start", DataTypes.DateType)
          .add("flight_end", DataTypes.DateType)
          .add("booked_budget", Values.AMOUNT)
          .add("sold_rate", Values.AMOUNT)
          .add("buy_type", DataTypes.StringType)
          .add("currency", DataTypes.StringType);

  static final StructType SETUP =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("platform", DataTypes.StringType)
          .add("entity_type", DataTypes.StringType)
          .add("entity_id", DataTypes.StringType)
          .add("parent_entity_id", DataTypes.StringType)
          .add("name", DataTypes.StringType)
          .add("status", DataTypes.StringType)
          .add("budget_type", DataTypes.StringType)
          .add("budget_currency", DataTypes.StringType)
          .add("daily_budget_amount", Values.AMOUNT)
          .add("budget_amount", Values.AMOUNT)
          .add("budget_segments", SdfInsertionOrders.BUDGET_SEGMENTS)
          .add("pacing_rate", DataTypes.StringType)
          .add("flight_start", DataTypes.DateType)
          .add("flight_end", DataTypes.DateType)
          .add("flight_inherited", DataTypes.BooleanType)
          .add("frequency_cap_enabled", DataTypes.BooleanType);

  static final StructType FX =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("rate_date", DataTypes.DateType)
          .add("base_currency", DataTypes.StringType)
          .add("quote_currency", DataTypes.StringType)
          .add("rate", Values.RATE);

  private final SparkSession spark;
  private final String asOf;
  private final List<Row> delivery = new ArrayList<>();
  private final List<Row> bookings = new ArrayList<>();
  private final List<Row> setup = new ArrayList<>();
  private final List<Row> fx = new ArrayList<>();

  public GoldFrames(SparkSession spark, String asOf) {
    this.spark = spark;
    this.asOf = asOf;
  }

  /** One delivery line in EUR, the reporting currency. */
  public GoldFrames spend(String day, String platform, String campaign, String line, String cost) {
    return delivery(day, platform, campaign, line, 1000, 10, "EUR", cost, cost);
  }

  public GoldFrames delivery(
      String day,
      String platform,
      String campaign,
      String line,
      long impressions,
      long clicks,
      String currency,
      String cost,
      String costRc) {
    BigDecimal media = amount(cost).multiply(new BigDecimal("0.8"));
    BigDecimal mediaRc = costRc == null ? null : amount(costRc).multiply(new BigDecimal("0.8"));
    delivery.add(
        RowFactory.create(
            ORG,
            date(day),
            platform,
            "Advertiser",
            campaign,
            line,
            impressions,
            clicks,
            currency,
            media,
            amount(cost),
            mediaRc,
            amount(costRc),
            costRc == null
                ? "missing_rate"
                : currency.equals("EUR") ? "same_currency" : "converted"));
    return this;
  }

  public GoldFrames booking(
      String id,
      String platform,
      String entity,
      String start,
      String end,
      String budget,
      String rate,
      String buyType,
      String currency) {
    bookings.add(
        RowFactory.create(
            ORG,
            id,
            "Opportunity " + id,
            "Advertiser",
            platform,
            entity,
            date(start),
            date(end),
            amount(budget),
            amount(rate),
            buyType,
            currency));
    return this;
  }

  public GoldFrames entity(
      String platform,
      String type,
      String id,
      String parent,
      String name,
      String budget,
      String dailyCap,
      String pacing,
      String start,
      String end,
      String currency) {
    return entity(
        platform, type, id, parent, name, "Active", budget, dailyCap, pacing, start, end, currency,
        null, true);
  }

  public GoldFrames entity(
      String platform,
      String type,
      String id,
      String parent,
      String name,
      String status,
      String budget,
      String dailyCap,
      String pacing,
      String start,
      String end,
      String currency,
      List<Row> segments,
      Boolean frequencyCap) {
    setup.add(
        RowFactory.create(
            ORG,
            platform,
            type,
            id,
            parent,
            name,
            status,
            budget == null ? "Unlimited" : "Amount",
            currency,
            amount(dailyCap),
            amount(budget),
            segments,
            pacing,
            date(start),
            date(end),
            false,
            frequencyCap));
    return this;
  }

  public static Row segment(String budget, String start, String end) {
    return RowFactory.create(amount(budget), date(start), date(end), null);
  }

  public GoldFrames rate(String day, String currency, String perEuro) {
    fx.add(RowFactory.create(ORG, date(day), "EUR", currency, new BigDecimal(perEuro)));
    return this;
  }

  public GoldInputs inputs(String underBelow, String overAbove) {
    Dataset<Row> orgs =
        spark.createDataFrame(
            List.of(
                RowFactory.create(
                    ORG,
                    "EUR",
                    "Europe/Berlin",
                    date(asOf),
                    new BigDecimal(underBelow),
                    new BigDecimal(overAbove),
                    7)),
            GoldInputs.ORGS);
    return new GoldInputs(
        orgs,
        spark.createDataFrame(delivery, DELIVERY),
        spark.createDataFrame(bookings, BOOKINGS),
        spark.createDataFrame(setup, SETUP),
        spark.createDataFrame(fx, FX),
        7);
  }

  public GoldInputs inputs() {
    return inputs("0.90", "1.10");
  }

  static Date date(String day) {
    return day == null ? null : Date.valueOf(day);
  }

  static BigDecimal amount(String value) {
    return value == null ? null : new BigDecimal(value);
  }
}

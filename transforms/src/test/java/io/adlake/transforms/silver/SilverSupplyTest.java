package io.adlake.transforms.silver;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.SharedSpark;
import io.adlake.transforms.formats.Values;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class SilverSupplyTest {

  private static final StructType MAPPED =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("report_date", DataTypes.DateType)
          .add("ssp", DataTypes.StringType)
          .add("ad_unit_id", DataTypes.StringType)
          .add("ad_unit_name", DataTypes.StringType)
          .add("deal_id", DataTypes.StringType)
          .add("deal_name", DataTypes.StringType)
          .add("buyer_id", DataTypes.StringType)
          .add("buyer_name", DataTypes.StringType)
          .add("detail_key", DataTypes.StringType)
          .add("impressions", DataTypes.LongType)
          .add("gross_revenue", Values.AMOUNT)
          .add("net_revenue", Values.AMOUNT)
          .add("currency", DataTypes.StringType)
          .add("report_timezone", DataTypes.StringType)
          .add("delivery_date", DataTypes.DateType)
          .add("batch_id", DataTypes.StringType);

  private static final StructType RATES =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("rate_date", DataTypes.DateType)
          .add("base_currency", DataTypes.StringType)
          .add("quote_currency", DataTypes.StringType)
          .add("rate", Values.RATE);

  @Test
  void convertsEachLineThenRollsUpAndNeverAddsAcrossCurrencies(SparkSession spark) {
    Dataset<Row> mapped =
        spark.createDataFrame(
            List.of(
                line("u1", "d1", "100", "80", "EUR", "{\"Dimension.LINE_ITEM_ID\":\"1\"}"),
                line("u1", "d1", "50", "40", "EUR", "{\"Dimension.LINE_ITEM_ID\":\"2\"}"),
                line(
                    "u1",
                    "d1",
                    "50",
                    "40",
                    "EUR",
                    "{\"Dimension.LINE_ITEM_ID\":\"2\"}"), // the same line twice: once
                line("u2", null, "45.25", "36.2", "GBP", "{}"), // "£ 45250000"
                line("u3", null, "10", "8", "EUR", "{\"Dimension.LINE_ITEM_ID\":\"3\"}"),
                line("u3", null, "8.5", "6.8", "GBP", "{\"Dimension.LINE_ITEM_ID\":\"4\"}"),
                line("u4", null, "20", null, "USD", "{}")), // no USD rate that week
            MAPPED);
    Dataset<Row> orgs =
        spark.createDataFrame(
            List.of(RowFactory.create("o1", "EUR")),
            new StructType()
                .add("org_id", DataTypes.StringType)
                .add("reporting_currency", DataTypes.StringType));
    Dataset<Row> rates =
        spark.createDataFrame(
            List.of(
                RowFactory.create(
                    "o1",
                    Date.valueOf("2026-11-06"),
                    "EUR",
                    "GBP",
                    new BigDecimal("0.8500000000"))),
            RATES);

    Dataset<Row> built = SilverSupply.build(mapped, orgs, rates, 5);
    // The roll-up is one aggregation: no distinct count, which Spark plans as two more aggregation
    // levels.
    assertThat(built.queryExecution().optimizedPlan().toString()).doesNotContain("count(distinct");
    Map<String, Row> byUnit =
        built.collectAsList().stream()
            .collect(Collectors.toMap(r -> r.<String>getAs("ad_unit_id"), r -> r));

    Row deal = byUnit.get("u1");
    assertThat(deal.<BigDecimal>getAs("gross_revenue"))
        .isEqualByComparingTo("150"); // 100 + 50, the copy counted once
    assertThat(deal.<BigDecimal>getAs("gross_revenue_rc")).isEqualByComparingTo("150");
    assertThat(deal.<Long>getAs("impressions")).isEqualTo(2000L);
    assertThat(deal.<String>getAs("fx_status")).isEqualTo("same_currency");
    assertThat(deal.<String>getAs("timezone")).isEqualTo("Europe/Berlin");

    Row pounds = byUnit.get("u2");
    // Saturday's pounds at Friday's fixing: 45.25 / 0.85 = 53.235294 EUR; 36.20 / 0.85 = 42.588235
    assertThat(pounds.<BigDecimal>getAs("gross_revenue_rc")).isEqualByComparingTo("53.235294");
    assertThat(pounds.<BigDecimal>getAs("net_revenue_rc")).isEqualByComparingTo("42.588235");
    assertThat(pounds.<String>getAs("currency")).isEqualTo("GBP");
    assertThat(pounds.<String>getAs("fx_status")).isEqualTo("converted");
    assertThat(pounds.<Date>getAs("fx_rate_date")).isEqualTo(Date.valueOf("2026-11-06"));

    Row mixed = byUnit.get("u3");
    // 10 EUR + 8.50 GBP: 10 + 10 = 20 EUR; no source-currency sum
    assertThat(mixed.<BigDecimal>getAs("gross_revenue_rc")).isEqualByComparingTo("20");
    assertThat(mixed.<BigDecimal>getAs("gross_revenue")).isNull();
    assertThat(mixed.<String>getAs("currency")).isEqualTo("mixed");

    Row noRate = byUnit.get("u4");
    assertThat(noRate.<String>getAs("fx_status")).isEqualTo("missing_rate");
    assertThat(noRate.<BigDecimal>getAs("gross_revenue_rc")).isNull();
    assertThat(noRate.<BigDecimal>getAs("gross_revenue")).isEqualByComparingTo("20");
    assertThat(noRate.<BigDecimal>getAs("net_revenue"))
        .isNull(); // the report had no net figure: unknown, not 0
  }

  private static Row line(
      String unit, String deal, String gross, String net, String currency, String detail) {
    return RowFactory.create(
        "o1",
        Date.valueOf("2026-11-07"),
        "gam",
        unit,
        unit.toUpperCase(),
        deal,
        deal,
        null,
        null,
        detail,
        1000L,
        new BigDecimal(gross).setScale(6),
        net == null ? null : new BigDecimal(net).setScale(6),
        currency,
        "Europe/Berlin",
        Date.valueOf("2026-11-08"),
        "b1");
  }
}

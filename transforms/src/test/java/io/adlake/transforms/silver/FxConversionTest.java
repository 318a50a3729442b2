package io.adlake.transforms.silver;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.SharedSpark;
import io.adlake.transforms.formats.Values;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class FxConversionTest {

  private static final StructType DELIVERY =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("report_date", DataTypes.DateType)
          .add("currency", DataTypes.StringType)
          .add("media_cost", Values.AMOUNT)
          .add("total_media_cost", Values.AMOUNT)
          .add("revenue", Values.AMOUNT);

  private static final StructType RATES =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("rate_date", DataTypes.DateType)
          .add("base_currency", DataTypes.StringType)
          .add("quote_currency", DataTypes.StringType)
          .add("rate", Values.RATE);

  @Test
  void convertsWithTheLatestRateWithinTheLookback(SparkSession spark) {
    Dataset<Row> orgs =
        spark.createDataFrame(
            List.of(
                RowFactory.create("eu", "EUR"),
                RowFactory.create("us", "USD"),
                RowFactory.create("uk", "GBP")),
            new StructType()
                .add("org_id", DataTypes.StringType)
                .add("reporting_currency", DataTypes.StringType));
    Dataset<Row> rates =
        spark.createDataFrame(
            List.of(
                rate("eu", "2026-11-06", "USD", "1.25"), // Friday
                rate("us", "2026-11-06", "GBP", "0.80"),
                rate("us", "2026-11-06", "USD", "1.20"),
                rate("uk", "2026-10-01", "USD", "1.10"),
                rate("uk", "2026-10-01", "GBP", "0.85")),
            RATES);
    Dataset<Row> delivery =
        spark.createDataFrame(
            List.of(
                cost(
                    "eu", "2026-11-08", "USD", "100"), // Sunday: Friday's rate, 100 / 1.25 = 80 EUR
                cost("us", "2026-11-06", "GBP", "40"), // GBP to USD: 40 * 1.20 / 0.80 = 60 USD
                cost("us", "2026-11-06", "USD", "7"), // same currency, no rate needed
                cost("eu", "2026-11-06", "EUR", "5"),
                cost(
                    "uk",
                    "2026-11-06",
                    "USD",
                    "10")), // last rate 36 days old: beyond 7 days, no guess
            DELIVERY);

    List<Row> out =
        FxConversion.apply(delivery, orgs, rates, 7).orderBy("org_id", "currency").collectAsList();

    Row eurFromUsd = find(out, "eu", "USD");
    assertThat(eurFromUsd.<BigDecimal>getAs("fx_rate")).isEqualByComparingTo("0.8");
    assertThat(eurFromUsd.<BigDecimal>getAs("media_cost_rc")).isEqualByComparingTo("80");
    assertThat(eurFromUsd.<Date>getAs("fx_rate_date")).isEqualTo(Date.valueOf("2026-11-06"));
    assertThat(eurFromUsd.<String>getAs("fx_status")).isEqualTo(FxConversion.CONVERTED);

    Row usdFromGbp = find(out, "us", "GBP");
    assertThat(usdFromGbp.<BigDecimal>getAs("fx_rate")).isEqualByComparingTo("1.5");
    assertThat(usdFromGbp.<BigDecimal>getAs("media_cost_rc")).isEqualByComparingTo("60");
    assertThat(usdFromGbp.<BigDecimal>getAs("revenue_rc"))
        .isEqualByComparingTo("90"); // revenue 60 * 1.5

    assertThat(find(out, "us", "USD").<String>getAs("fx_status"))
        .isEqualTo(FxConversion.SAME_CURRENCY);
    assertThat(find(out, "us", "USD").<BigDecimal>getAs("media_cost_rc")).isEqualByComparingTo("7");
    assertThat(find(out, "eu", "EUR").<BigDecimal>getAs("fx_rate")).isEqualByComparingTo("1");

    Row stale = find(out, "uk", "USD");
    assertThat(stale.<String>getAs("fx_status")).isEqualTo(FxConversion.MISSING_RATE);
    assertThat(stale.<BigDecimal>getAs("media_cost_rc")).isNull();
    assertThat(out).hasSize(5);
  }

  private static Row find(List<Row> rows, String org, String currency) {
    return rows.stream()
        .filter(r -> r.getAs("org_id").equals(org) && r.getAs("currency").equals(currency))
        .findFirst()
        .orElseThrow();
  }

  private static Row rate(String org, String date, String quote, String rate) {
    return RowFactory.create(org, Date.valueOf(date), "EUR", quote, new BigDecimal(rate));
  }

  private static Row cost(String org, String date, String currency, String media) {
    BigDecimal m = new BigDecimal(media);
    return RowFactory.create(
        org, Date.valueOf(date), currency, m, m, m.multiply(new BigDecimal("1.5")));
  }
}

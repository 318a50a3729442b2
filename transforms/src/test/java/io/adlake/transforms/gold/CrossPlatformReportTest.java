package io.adlake.transforms.gold;

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
class CrossPlatformReportTest {

  private static final StructType SILVER =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("report_date", DataTypes.DateType)
          .add("platform", DataTypes.StringType)
          .add("advertiser_id", DataTypes.StringType)
          .add("advertiser_name", DataTypes.StringType)
          .add("campaign_id", DataTypes.StringType)
          .add("campaign_name", DataTypes.StringType)
          .add("line_item_id", DataTypes.StringType)
          .add("impressions", DataTypes.LongType)
          .add("clicks", DataTypes.LongType)
          .add("conversions", Values.AMOUNT)
          .add("media_cost_rc", Values.AMOUNT)
          .add("total_media_cost_rc", Values.AMOUNT)
          .add("revenue_rc", Values.AMOUNT)
          .add("reporting_currency", DataTypes.StringType)
          .add("fx_status", DataTypes.StringType)
          .add("timezone", DataTypes.StringType);

  @Test
  void rollsLinesUpToCampaignsAndOrgDaysWithRatesFromSums(SparkSession spark) {
    Dataset<Row> silver =
        spark.createDataFrame(
            List.of(
                line("dv360", "io1", "li1", 10_000, 50, "2", "40", "50", "65", "converted"),
                line("dv360", "io1", "li2", 30_000, 100, "3", "80", "100", "130", "converted"),
                line("dv360", "io2", "li3", 1_000, 5, "0", null, null, null, "missing_rate"),
                line("meta", "c1", "s1", 0, 0, "0", "0", "0", "0", "same_currency")),
            SILVER);

    List<Row> report =
        CrossPlatformReport.build(silver).orderBy("platform", "campaign_id").collectAsList();
    assertThat(report).hasSize(3);

    Row io1 = report.get(0);
    assertThat(io1.<Long>getAs("line_items")).isEqualTo(2L);
    assertThat(io1.<Long>getAs("impressions")).isEqualTo(40_000L);
    assertThat(io1.<BigDecimal>getAs("total_media_cost")).isEqualByComparingTo("150");
    assertThat(io1.<BigDecimal>getAs("revenue")).isEqualByComparingTo("195");
    assertThat(io1.<BigDecimal>getAs("ctr")).isEqualByComparingTo("0.00375"); // 150 / 40000
    assertThat(io1.<BigDecimal>getAs("cpm")).isEqualByComparingTo("3.75"); // 150 * 1000 / 40000
    assertThat(io1.<BigDecimal>getAs("cpc")).isEqualByComparingTo("1"); // 150 / 150
    assertThat(io1.<BigDecimal>getAs("cpa")).isEqualByComparingTo("30"); // 150 / 5

    Row io2 = report.get(1);
    assertThat(io2.<Long>getAs("lines_without_fx")).isEqualTo(1L);
    assertThat(io2.<BigDecimal>getAs("total_media_cost")).isNull();
    assertThat(io2.<BigDecimal>getAs("cpm"))
        .isNull(); // cost unknown: no rate rather than a wrong one
    assertThat(io2.<BigDecimal>getAs("ctr")).isEqualByComparingTo("0.005"); // 5 / 1000

    Row meta = report.get(2);
    assertThat(meta.<BigDecimal>getAs("ctr")).isNull(); // no impressions: no rate, not zero
    assertThat(meta.<BigDecimal>getAs("cpa")).isNull();

    Row day = OrgDailySummary.build(CrossPlatformReport.build(silver)).first();
    assertThat(day.<Long>getAs("platforms")).isEqualTo(2L);
    assertThat(day.<Long>getAs("campaigns")).isEqualTo(3L);
    assertThat(day.<Long>getAs("impressions")).isEqualTo(41_000L);
    assertThat(day.<Long>getAs("clicks")).isEqualTo(155L);
    assertThat(day.<BigDecimal>getAs("media_cost")).isEqualByComparingTo("120");
    assertThat(day.<Long>getAs("lines_without_fx")).isEqualTo(1L);
    assertThat(day.<BigDecimal>getAs("cpm")).isNull();
  }

  private static Row line(
      String platform,
      String campaign,
      String line,
      long impressions,
      long clicks,
      String conversions,
      String media,
      String total,
      String revenue,
      String fxStatus) {
    return RowFactory.create(
        "acme",
        Date.valueOf("2026-11-02"),
        platform,
        "adv-" + platform,
        "Advertiser",
        campaign,
        campaign.toUpperCase(),
        line,
        impressions,
        clicks,
        new BigDecimal(conversions),
        amount(media),
        amount(total),
        amount(revenue),
        "EUR",
        fxStatus,
        "Europe/Berlin");
  }

  private static BigDecimal amount(String value) {
    return value == null ? null : new BigDecimal(value);
  }
}

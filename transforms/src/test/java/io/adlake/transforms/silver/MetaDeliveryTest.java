package io.adlake.transforms.silver;

import static org.apache.spark.sql.functions.col;
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

/**
 * Meta conversions: one purchase is reported under the roll-up and its parts, and is counted once.
 */
@ExtendWith(SharedSpark.class)
class MetaDeliveryTest {
  private static final StructType ACTION =
      new StructType().add("action_type", DataTypes.StringType).add("value", Values.AMOUNT);
  private static final StructType BRONZE =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("delivery_date", DataTypes.DateType)
          .add("batch_id", DataTypes.StringType)
          .add("account_id", DataTypes.StringType)
          .add("account_name", DataTypes.StringType)
          .add("account_currency", DataTypes.StringType)
          .add("campaign_id", DataTypes.StringType)
          .add("campaign_name", DataTypes.StringType)
          .add("adset_id", DataTypes.StringType)
          .add("adset_name", DataTypes.StringType)
          .add("ad_id", DataTypes.StringType)
          .add("date_start", DataTypes.DateType)
          .add("impressions", DataTypes.LongType)
          .add("clicks", DataTypes.LongType)
          .add("spend", Values.AMOUNT)
          .add("actions", DataTypes.createArrayType(ACTION));

  @Test
  void theRollUpTypesAreCountedOnceUnlessTheOrgNamesItsOwn(SparkSession spark) {
    // As Meta reports a pixel purchase: the same 2 under the pixel type, the web type,
    // omni_purchase and purchase.
    List<Row> actions =
        List.of(
            action("link_click", "20"),
            action("offsite_conversion.fb_pixel_purchase", "2"),
            action("onsite_web_purchase", "2"),
            action("omni_purchase", "2"),
            action("purchase", "2"),
            action("offsite_conversion.fb_pixel_lead", "1"),
            action("lead", "1"));
    Dataset<Row> bronze =
        spark.createDataFrame(List.of(row("acme", actions), row("kiwi", actions)), BRONZE);
    Dataset<Row> kiwiTypes =
        spark.createDataFrame(
            List.<Row>of(
                RowFactory.create("kiwi", new String[] {"offsite_conversion.fb_pixel_purchase"})),
            new StructType()
                .add("org_id", DataTypes.StringType)
                .add("conversion_types", DataTypes.createArrayType(DataTypes.StringType)));

    Dataset<Row> delivery = MetaDelivery.toDelivery(bronze, kiwiTypes);

    Row acme = delivery.filter(col("org_id").equalTo("acme")).first();
    assertThat(acme.<BigDecimal>getAs("conversions"))
        .as("purchase 2 + lead 1, not 2+2+2+2+1+1")
        .isEqualByComparingTo("3");
    assertThat(acme.<String>getAs(DeliveryColumns.CONVERSIONS_COUNTED)).isEqualTo("purchase,lead");
    Row kiwi = delivery.filter(col("org_id").equalTo("kiwi")).first();
    assertThat(kiwi.<BigDecimal>getAs("conversions")).isEqualByComparingTo("2");
    assertThat(kiwi.<String>getAs(DeliveryColumns.CONVERSIONS_COUNTED))
        .isEqualTo("offsite_conversion.fb_pixel_purchase");
  }

  private static Row action(String type, String value) {
    return RowFactory.create(type, new BigDecimal(value));
  }

  private static Row row(String org, List<Row> actions) {
    return RowFactory.create(
        org,
        Date.valueOf("2026-11-03"),
        "b1",
        "101",
        "Social",
        "GBP",
        "c1",
        "Campaign",
        "s1",
        "Set",
        "a1",
        Date.valueOf("2026-11-02"),
        1000L,
        20L,
        new BigDecimal("12.34"),
        actions.toArray());
  }
}

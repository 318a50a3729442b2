package io.adlake.transforms.silver;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;

import io.adlake.catalog.Platform;
import io.adlake.transforms.formats.Values;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Meta Insights rows onto the delivery dictionary: the ad account is the advertiser, the ad set is the line, and
 * ads are summed into their ad set. Meta bills spend to the account as-is, so spend is media cost, total media
 * cost and revenue alike. Conversions are the sum of the {@code actions} whose type is in the conversion list.
 */
public final class MetaDelivery {
  private MetaDelivery() {}

  /** Action types counted as conversions unless an org says otherwise. */
  public static final List<String> DEFAULT_CONVERSION_ACTIONS =
      List.of("offsite_conversion.fb_pixel_purchase", "offsite_conversion.fb_pixel_lead", "purchase", "lead");

  public static Dataset<Row> toDelivery(Dataset<Row> bronze, List<String> conversionActions) {
    Object[] wanted = conversionActions.toArray();
    Column conversions =
        coalesce(
            aggregate(
                filter(col("actions"), a -> a.getField("action_type").isin(wanted)),
                lit(BigDecimal.ZERO).cast(Values.AMOUNT),
                (acc, a) -> acc.plus(a.getField("value")).cast(Values.AMOUNT)),
            lit(BigDecimal.ZERO).cast(Values.AMOUNT));
    Dataset<Row> mapped =
        bronze.select(
            col("org_id"),
            col("date_start").as("report_date"),
            UnifiedDelivery.text(Platform.META.code()).as("platform"),
            col("account_id").as("advertiser_id"),
            col("account_name").as("advertiser_name"),
            col("campaign_id"),
            col("campaign_name"),
            col("adset_id").as("line_item_id"),
            col("adset_name").as("line_item_name"),
            col("ad_id").as("detail_key"),
            col("impressions"),
            col("clicks"),
            conversions.as("conversions"),
            UnifiedDelivery.amount("spend").as("media_cost"),
            UnifiedDelivery.amount("spend").as("total_media_cost"),
            UnifiedDelivery.amount("spend").as("revenue"),
            col("account_currency").as("currency"),
            col("delivery_date"),
            col("batch_id"));
    return UnifiedDelivery.rollUp(mapped);
  }
}

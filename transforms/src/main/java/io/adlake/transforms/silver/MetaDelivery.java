package io.adlake.transforms.silver;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;

import io.adlake.model.Platform;
import io.adlake.platforms.meta.MetaApi;
import io.adlake.transforms.formats.Values;
import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Meta Insights rows onto the delivery dictionary: the ad account is the advertiser, the ad set is
 * the line, and ads are summed into their ad set. Meta bills spend to the account as-is, so spend
 * is media cost, total media cost and revenue alike. Conversions are the sum of the {@code actions}
 * whose type the org counts: by default the roll-up types only ({@link
 * MetaApi#ROLLUP_CONVERSION_TYPES}), because Meta reports one purchase under the roll-up and its
 * parts at once; {@code conversions_counted} names the types.
 */
public final class MetaDelivery {
  private MetaDelivery() {}

  /**
   * @param conversionTypes {@code org_id, conversion_types} (array of action types) of each org
   *     that names its own; other orgs count {@link MetaApi#ROLLUP_CONVERSION_TYPES}
   */
  public static Dataset<Row> toDelivery(Dataset<Row> bronze, Dataset<Row> conversionTypes) {
    Column types =
        coalesce(
            col("_conversion_types"),
            array(
                MetaApi.ROLLUP_CONVERSION_TYPES.stream()
                    .map(functions::lit)
                    .toArray(Column[]::new)));
    Column conversions =
        coalesce(
            aggregate(
                filter(col("actions"), a -> array_contains(types, a.getField("action_type"))),
                lit(BigDecimal.ZERO).cast(Values.AMOUNT),
                (acc, a) -> acc.plus(a.getField("value")).cast(Values.AMOUNT)),
            lit(BigDecimal.ZERO).cast(Values.AMOUNT));
    Dataset<Row> typed =
        bronze.join(
            functions.broadcast(
                conversionTypes.select(
                    col("org_id").as("_types_org"),
                    col("conversion_types").as("_conversion_types"))),
            col("org_id").equalTo(col("_types_org")),
            "left");
    Dataset<Row> mapped =
        typed.select(
            col("org_id"),
            col("date_start").as("report_date"),
            UnifiedDelivery.text(Platform.META.code()).as("platform"),
            col("account_id").as("advertiser_id"),
            col("account_name").as("advertiser_name"),
            col("campaign_id"),
            col("campaign_name"),
            col("adset_id").as("line_item_id"),
            col("adset_name").as("line_item_name"),
            // Meta sells its own inventory: no exchange, no deal
            lit(null).cast("string").as("deal_id"),
            col("ad_id").as("detail_key"),
            col("impressions"),
            col("clicks"),
            conversions.as("conversions"),
            array_join(types, ",").as(DeliveryColumns.CONVERSIONS_COUNTED),
            UnifiedDelivery.amount("spend").as("media_cost"),
            UnifiedDelivery.amount("spend").as("total_media_cost"),
            UnifiedDelivery.amount("spend").as("revenue"),
            col("account_currency").as("currency"),
            col("delivery_date"),
            col("batch_id"));
    return UnifiedDelivery.rollUp(mapped);
  }
}

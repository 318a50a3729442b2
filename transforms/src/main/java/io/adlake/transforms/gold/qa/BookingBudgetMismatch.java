package io.adlake.transforms.gold.qa;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.adlake.transforms.gold.BudgetEntities;
import io.adlake.transforms.silver.SetupEntities;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * What was sold and what the platform may spend disagree by more than {@code tolerance} (a share of
 * the booked budget). The platform side of a booked DV360 insertion order is its own budget; of a
 * booked TTD or Meta campaign, the sum of its ad groups' or ad sets' budgets. Both come from
 * pacing, in the reporting currency. The finding is on the booking line.
 */
final class BookingBudgetMismatch implements QaCheck {
  @Override
  public String id() {
    return "booking_budget_mismatch";
  }

  @Override
  public String defaultSeverity() {
    return "medium";
  }

  @Override
  public String description() {
    return "booked budget and platform budget disagree";
  }

  @Override
  public Map<String, BigDecimal> parameters() {
    return Map.of("tolerance", new BigDecimal("0.05"));
  }

  @Override
  public Dataset<Row> findings(QaInputs in) {
    Dataset<Row> pacing = in.pacing();
    Column campaignKey =
        when(col("entity_type").equalTo(SetupEntities.INSERTION_ORDER), col("entity_id"))
            .when(
                col("entity_type").isin(SetupEntities.AD_GROUP, SetupEntities.AD_SET),
                col("parent_entity_id"));
    Dataset<Row> platformBudgets =
        pacing
            .filter(campaignKey.isNotNull())
            .groupBy(
                col("org_id").as("p_org"),
                col("platform").as("p_platform"),
                campaignKey.as("p_campaign"))
            .agg(sum("budget").as("platform_budget"));
    Dataset<Row> bookings =
        pacing
            .filter(
                col("entity_type").equalTo(BudgetEntities.BOOKING_LINE).and(col("budget").gt(0)))
            .join(
                platformBudgets,
                col("org_id")
                    .equalTo(col("p_org"))
                    .and(col("platform").equalTo(col("p_platform")))
                    .and(col("parent_entity_id").equalTo(col("p_campaign"))));
    Column share =
        abs(col("platform_budget").minus(col("budget")))
            .cast(DataTypes.DoubleType)
            .divide(col("budget").cast(DataTypes.DoubleType));
    return EntityCheck.finding(
        bookings.filter(share.gt(col("param_tolerance"))),
        col("entity_name"),
        col("platform_budget").cast("decimal(20,2)"),
        concat(
            col("budget").cast("decimal(20,2)").cast("string"),
            lit(" within "),
            col("param_tolerance").multiply(100).cast("decimal(6,2)").cast("string"),
            lit("%")),
        description());
  }
}

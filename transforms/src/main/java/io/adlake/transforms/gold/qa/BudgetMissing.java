package io.adlake.transforms.gold.qa;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import org.apache.spark.sql.Column;

/**
 * An active entity with neither a lifetime nor a daily budget above zero. "Unlimited" is a budget
 * type DV360 line items use on purpose (their insertion order holds the budget), and "Campaign" is
 * a TTD ad group of a Kokai-budgeted campaign or a Meta ad set under a campaign budget (the
 * campaign allocates): neither is a finding.
 */
final class BudgetMissing extends EntityCheck {
  @Override
  public String id() {
    return "budget_missing";
  }

  @Override
  public String defaultSeverity() {
    return "high";
  }

  @Override
  public String description() {
    return "active entity without a budget";
  }

  @Override
  Column failing() {
    return active()
        .and(not(coalesce(col("budget_type"), lit("")).isin("Unlimited", "Campaign")))
        .and(coalesce(col("budget_amount"), lit(0)).leq(0))
        .and(coalesce(col("daily_budget_amount"), lit(0)).leq(0));
  }

  @Override
  Column found() {
    return coalesce(col("budget_amount").cast("string"), lit("none"));
  }

  @Override
  Column expected() {
    return lit("a budget above zero");
  }
}

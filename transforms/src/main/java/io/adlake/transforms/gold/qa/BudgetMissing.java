package io.adlake.transforms.gold.qa;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;

/**
 * An active entity with neither a lifetime nor a daily budget above zero. "Unlimited" is a budget type DV360 line
 * items use on purpose (their insertion order holds the budget), so it is not a finding.
 */
final class BudgetMissing extends EntityCheck {
  @Override public String id() { return "budget_missing"; }
  @Override public String defaultSeverity() { return "high"; }
  @Override public String description() { return "active entity without a budget"; }

  @Override
  Column failing() {
    return active()
        .and(coalesce(col("budget_type"), lit("")).notEqual("Unlimited"))
        .and(coalesce(col("budget_amount"), lit(0)).leq(0))
        .and(coalesce(col("daily_budget_amount"), lit(0)).leq(0));
  }

  @Override Column found() { return coalesce(col("budget_amount").cast("string"), lit("none")); }
  @Override Column expected() { return lit("a budget above zero"); }
}

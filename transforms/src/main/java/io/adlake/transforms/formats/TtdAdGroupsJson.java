package io.adlake.transforms.formats;

import static io.adlake.transforms.formats.FormatField.optional;
import static io.adlake.transforms.formats.FormatField.required;

import io.adlake.model.Source;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/**
 * The Trade Desk ad groups as the API returns them ({@code POST /v3/adgroup/query/campaign}), one
 * object per line. Budgets sit under {@code RTBAttributes.BudgetSettings} as money objects ({@code
 * {Amount, CurrencyCode}}); ad groups have no flight of their own (their campaign's flights apply).
 * The collector adds the campaign's {@code BudgetingVersion} to each line (as Meta's collector adds
 * the account currency): on "Kokai" the campaign allocates the budget and the ad group has none of
 * its own ({@link io.adlake.platforms.ttd.TtdApi}).
 */
public final class TtdAdGroupsJson extends JsonLinesFormat {

  private static final String BUDGET = "RTBAttributes.BudgetSettings.";

  private static final List<FormatField> FIELDS =
      List.of(
          required("AdGroupId", "ad_group_id", DataTypes.StringType, Values.text()),
          required("AdGroupName", "ad_group_name", DataTypes.StringType, Values.text()),
          required("CampaignId", "campaign_id", DataTypes.StringType, Values.text()),
          required("IsEnabled", "is_enabled", DataTypes.BooleanType, Values.bool()),
          optional("Availability", "availability", DataTypes.StringType, Values.text()),
          optional(BUDGET + "Budget.Amount", "budget_amount", Values.AMOUNT, Values.decimal()),
          optional(
              BUDGET + "Budget.CurrencyCode",
              "budget_currency",
              DataTypes.StringType,
              Values.currency()),
          optional(
              BUDGET + "DailyBudget.Amount",
              "daily_budget_amount",
              Values.AMOUNT,
              Values.decimal()),
          optional(BUDGET + "PacingMode", "pacing_mode", DataTypes.StringType, Values.text()),
          optional(
              "BudgetingVersion",
              "campaign_budgeting_version",
              DataTypes.StringType,
              Values.text()));

  @Override
  public String name() {
    return "ttd_ad_groups";
  }

  @Override
  public Source source() {
    return Source.SETUP;
  }

  @Override
  public TableSpec table() {
    return Tables.BRONZE_TTD_AD_GROUPS;
  }

  @Override
  public List<FormatField> fields() {
    return FIELDS;
  }

  @Override
  public boolean recognises(String firstLine) {
    return firstLine != null
        && firstLine.stripLeading().startsWith("{")
        && firstLine.contains("\"AdGroupId\"");
  }
}

package io.adlake.platforms.meta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What adlake asks Meta for, written out as Meta's reference pages name the fields rather than read
 * off the declarations.
 */
class MetaFieldsTest {

  @Test
  void anInsightsJobAsksForTheFieldsOfAnAdsDayButNotTheDayItself() {
    // date_start and date_stop come with every row of a job with a time_increment
    assertThat(MetaApi.INSIGHTS_FIELDS)
        .containsExactly(
            "account_id",
            "account_name",
            "account_currency",
            "campaign_id",
            "campaign_name",
            "adset_id",
            "adset_name",
            "ad_id",
            "ad_name",
            "impressions",
            "clicks",
            "spend",
            "actions");
  }

  @Test
  void theAdSetsRequestAsksForTheAdSetsFieldsButNotTheAccountCurrency() {
    // the ad account's currency is asked of the account and added to each line by the fetcher
    assertThat(MetaApi.ADSET_FIELDS)
        .containsExactly(
            "id",
            "name",
            "campaign_id",
            "account_id",
            "status",
            "effective_status",
            "daily_budget",
            "lifetime_budget",
            "start_time",
            "end_time",
            "pacing_type",
            "frequency_control_specs");
  }
}

package io.adlake.platforms.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.platforms.definitions.PublishedDefinitions;
import org.junit.jupiter.api.Test;

/**
 * What adlake asks of Meta, checked against the official SDK facebook-business 26.0.3, whose
 * objects are generated from Meta's own definitions: the Graph API version it targets, the fields
 * of Insights and ad sets, and the enum values adlake sends or reads.
 */
class MetaContractTest {

  @Test
  void thePinnedVersionIsTheOneTheSdkTargets() {
    assertThat(MetaApi.VERSION).isEqualTo(PublishedDefinitions.graphApiVersion());
    assertThat(MetaApi.VERSIONS.knows(MetaApi.VERSION)).isTrue();
  }

  @Test
  void everyFieldAskedForIsAFieldOfItsObject() {
    assertThat(PublishedDefinitions.facebook("adsinsights", "Field"))
        .containsAll(MetaApi.INSIGHTS_FIELDS)
        .contains("date_start", "date_stop");
    assertThat(PublishedDefinitions.facebook("adset", "Field")).containsAll(MetaApi.ADSET_FIELDS);
  }

  @Test
  void theValuesSentAndReadAreTheSdksEnumValues() {
    assertThat(PublishedDefinitions.facebook("adsinsights", "Level")).contains("ad");
    assertThat(PublishedDefinitions.facebook("adset", "Status"))
        .contains("ACTIVE", "PAUSED", "DELETED", "ARCHIVED");
  }
}

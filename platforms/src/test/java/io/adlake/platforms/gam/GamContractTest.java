package io.adlake.platforms.gam;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.platforms.definitions.PublishedDefinitions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Every value adlake sends to or reads from Ad Manager's ReportService, checked against Google's
 * own definitions: the SOAP versions the official client googleads 51.0.0 supports, and the
 * ReportService enums of the generated types in dfp-axis 5.10.0 (v202508, the newest served here).
 * The ReportService enums of v202511, v202602 and v202605 are the same values (the generated
 * sources of googleads-java-lib 5.13.0 for those versions; the release notes of v202511 to v202605
 * list no ReportService enum change).
 */
class GamContractTest {
  private static final String TYPES = "v202508";

  @Test
  void thePinnedSoapVersionIsOneTheOfficialClientSupports() {
    assertThat(PublishedDefinitions.adManagerVersions())
        .as("googleads 51.0.0 _SERVICE_MAP")
        .contains(GamApi.VERSION);
    assertThat(GamApi.NAMESPACE).endsWith("/" + GamApi.VERSION);
  }

  @Test
  void everyDimensionAndColumnTheReportNamesIsAReportServiceEnumValue() {
    for (GamReportField field : GamReportField.values()) {
      String type = field.kind() == GamReportField.Kind.DIMENSION ? "Dimension" : "Column";
      assertThat(PublishedDefinitions.adManagerEnum(TYPES, type))
          .as("%s %s", type, field.apiName())
          .contains(field.apiName());
    }
    assertThat(PublishedDefinitions.adManagerEnum(TYPES, "Dimension"))
        .as("the REST API's renamed buyer dimensions are not SOAP's")
        .doesNotContain("DEAL_BUYER_ID", "DEAL_BUYER_NAME");
    for (GamMetricFamily family : GamMetricFamily.values()) {
      assertThat(PublishedDefinitions.adManagerEnum(TYPES, "Column"))
          .contains(family.impressions().apiName(), family.revenue().apiName());
    }
  }

  @Test
  void theQueryAndDownloadOptionsUseDefinedValues() {
    assertThat(PublishedDefinitions.adManagerEnum(TYPES, "ReportQueryAdUnitView"))
        .containsExactlyInAnyOrder("TOP_LEVEL", "FLAT", "HIERARCHICAL")
        .contains(GamApi.AD_UNIT_VIEW);
    assertThat(PublishedDefinitions.adManagerEnum(TYPES, "DateRangeType"))
        .contains(GamApi.DATE_RANGE_TYPE);
    assertThat(PublishedDefinitions.adManagerEnum(TYPES, "ExportFormat"))
        .contains(GamApi.EXPORT_FORMAT);
    assertThat(PublishedDefinitions.adManagerEnum(TYPES, "ReportJobStatus"))
        .contains(GamApi.COMPLETED, GamApi.FAILED);
  }

  @Test
  void theErrorsTreatedAsFinalAreOnesAdManagerDefines() {
    assertThat(PublishedDefinitions.adManagerEnum(TYPES, "ReportErrorReason"))
        .containsAll(GamRetrySignals.QUERY_REFUSED_REASONS);
    assertThat(PublishedDefinitions.adManagerEnum(TYPES, "ApiVersionErrorReason"))
        .contains("UPDATE_TO_NEWER_VERSION");
    assertThat(Arrays.stream(GamReportField.values()).filter(GamReportField::requested))
        .extracting(GamReportField::apiName)
        .contains("PROGRAMMATIC_BUYER_ID", "PROGRAMMATIC_BUYER_NAME");
  }
}

package io.adlake.platforms.dv360;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adlake.platforms.definitions.GoogleApiContract;
import org.junit.jupiter.api.Test;

/**
 * What adlake sends to Bid Manager and the Display &amp; Video 360 API, checked against Google's
 * discovery documents (google-api-python-client 2.202.0): versions, the SDF task's fields and enum
 * values (none deprecated), report states and the fields write-back's update masks name. The
 * requests themselves are checked the same way by the fakes the connector and write-back tests
 * call.
 */
class Dv360ContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final GoogleApiContract DISPLAY_VIDEO = GoogleApiContract.of("displayvideo.v4");
  private static final GoogleApiContract BID_MANAGER =
      GoogleApiContract.of("doubleclickbidmanager.v2");

  @Test
  void theVersionsAreTheDocumentsOwn() {
    assertThat(DISPLAY_VIDEO.document().path("version").asText())
        .isEqualTo(DisplayVideoApi.VERSION);
    assertThat(BID_MANAGER.document().path("version").asText()).isEqualTo(BidManagerApi.VERSION);
  }

  @Test
  void theSdfTaskUsesACurrentVersionAndDefinedFileAndFilterTypes() {
    ObjectNode task = JSON.createObjectNode().put("version", DisplayVideoApi.SDF_VERSION);
    task.put("advertiserId", "123");
    ObjectNode filter = task.putObject("parentEntityFilter");
    DisplayVideoApi.SDF_FILE_TYPES.forEach(filter.putArray("fileType")::add);
    filter.put("filterType", DisplayVideoApi.SDF_FILTER_TYPE);
    assertThat(DISPLAY_VIDEO.problems(task, "CreateSdfDownloadTaskRequest")).isEmpty();
    assertThat(DisplayVideoApi.SDF_VERSIONS.knows(DisplayVideoApi.SDF_VERSION)).isTrue();

    // The check can fail: a version the document marks deprecated, a field it lacks.
    assertThat(
            DISPLAY_VIDEO.problems(
                JSON.createObjectNode().put("version", "SDF_VERSION_8"),
                "CreateSdfDownloadTaskRequest"))
        .singleElement()
        .asString()
        .contains("deprecated", "SDF_VERSION_8");
    assertThat(
            DISPLAY_VIDEO.problems(
                JSON.createObjectNode().put("sdfVersion", "SDF_VERSION_10"),
                "CreateSdfDownloadTaskRequest"))
        .singleElement()
        .asString()
        .contains("Unknown name \"sdfVersion\"");
  }

  @Test
  void reportStatesAndWritebackMasksAreDefined() {
    ObjectNode status = JSON.createObjectNode().put("state", BidManagerApi.DONE);
    assertThat(BID_MANAGER.problems(status, "ReportStatus")).isEmpty();
    assertThat(
            BID_MANAGER.problems(
                JSON.createObjectNode().put("state", BidManagerApi.FAILED), "ReportStatus"))
        .isEmpty();
    ObjectNode lineItem = JSON.createObjectNode().put("entityStatus", "ENTITY_STATUS_PAUSED");
    lineItem.putObject("budget").put("maxAmount", "1000000");
    lineItem.putObject("pacing").put("dailyMaxMicros", "1000000");
    assertThat(DISPLAY_VIDEO.problems(lineItem, "LineItem")).isEmpty();
    assertThat(
            DISPLAY_VIDEO.problems(
                JSON.createObjectNode().put("entityStatus", "ENTITY_STATUS_ACTIVE"),
                "InsertionOrder"))
        .isEmpty();
  }
}

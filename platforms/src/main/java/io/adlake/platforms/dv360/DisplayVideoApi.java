package io.adlake.platforms.dv360;

import io.adlake.platforms.versions.ApiVersions;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What adlake relies on of the Display &amp; Video 360 API (DV360's management API, not its
 * reporting one), in one place: Structured Data File download tasks for the setup snapshot
 * (developers.google.com/display-video/api/reference/rest/v4/sdfdownloadtasks/create,
 * sdfdownloadtasks.operations/get, media/download) and the line items write-back changes
 * (conf/writeback.yaml names the same v4 root).
 */
public final class DisplayVideoApi {
  private DisplayVideoApi() {}

  /** The version in the base URL, {@code https://displayvideo.googleapis.com/v4/}. */
  public static final String VERSION = "v4";

  /**
   * Display &amp; Video 360 API versions adlake knows: v4 is current with no sunset announced (v5
   * is in beta since 2026-10-22; developers.google.com/display-video/api/release-notes).
   */
  public static final ApiVersions VERSIONS =
      new ApiVersions(
          "Display & Video 360 API",
          Pattern.compile("/(v\\d+)/?$"),
          Map.of(VERSION, ApiVersions.noneAnnounced()),
          "developers.google.com/display-video/api/release-notes");

  /**
   * The OAuth scope a service account asks for
   * (developers.google.com/display-video/api/guides/getting-started/overview).
   */
  public static final String SCOPE = "https://www.googleapis.com/auth/display-video";

  /**
   * The SDF version of the download: v10 (SdfVersion SDF_VERSION_10 in the v4 discovery document).
   * Google retires SDF 9, 9.1 and 9.2 on 2027-01-28 (Google Ads developer blog, 2026-06-29). The
   * columns bronze reads ("Io Id", "Budget Segments", "Line Item Id", "Start Date", "Frequency
   * Enabled" and the others of SdfInsertionOrders and SdfLineItems) are read by name; v10 removed
   * only targeting columns from the insertion order file and added targeting columns to line items
   * (developers.google.com/display-video/api/structured-data-file/v10/migration-guide), and 9.1 and
   * 9.2 only made Io Objective required and removed Measure DAR and Bid Multipliers. v10.1's
   * changes could not be read here, so 10.1 waits.
   */
  public static final String SDF_VERSION = "SDF_VERSION_10";

  /**
   * The SDF versions adlake knows: 9, 9.1 and 9.2 retire on 2027-01-28 (Google Ads developer blog,
   * 2026-06-29); 10 and 10.1 are current in the v4 discovery document, with no sunset announced.
   */
  public static final ApiVersions SDF_VERSIONS =
      new ApiVersions(
          "Structured Data Files",
          null,
          Map.of(
              "SDF_VERSION_9", ApiVersions.on("2027-01-28"),
              "SDF_VERSION_9_1", ApiVersions.on("2027-01-28"),
              "SDF_VERSION_9_2", ApiVersions.on("2027-01-28"),
              "SDF_VERSION_10", ApiVersions.noneAnnounced(),
              "SDF_VERSION_10_1", ApiVersions.noneAnnounced()),
          "Google Ads developer blog, 2026-06-29");

  /** ParentEntityFilter.fileType: the two files the setup snapshot needs. */
  public static final List<String> SDF_FILE_TYPES =
      List.of("FILE_TYPE_INSERTION_ORDER", "FILE_TYPE_LINE_ITEM");

  /** ParentEntityFilter.filterType: every entity of the advertiser. */
  public static final String SDF_FILTER_TYPE = "FILTER_TYPE_NONE";

  /**
   * The names of those files in the downloaded zip
   * (developers.google.com/display-video/api/structured-data-file/format).
   */
  public static final String SDF_INSERTION_ORDERS = "SDF-InsertionOrders.csv";

  public static final String SDF_LINE_ITEMS = "SDF-LineItems.csv";

  /**
   * The path of {@code media.download} for an SDF task's {@code response.resourceName}, relative to
   * the API root's host: {@code download/<resourceName>?alt=media}. The reference writes the
   * resource name itself as {@code download/sdfdownloadtasks/media/{mediaId}} (SdfDownloadTask)
   * while media.download's path already starts with {@code download/}; both readings are accepted,
   * and the prefix is never doubled.
   */
  public static String mediaDownloadPath(String resourceName) {
    String name =
        resourceName.startsWith("download/")
            ? resourceName.substring("download/".length())
            : resourceName;
    if (!name.matches("sdfdownloadtasks/media/[0-9A-Za-z_.-]+")) {
      throw new IllegalArgumentException("not an SDF media resource name: '" + resourceName + "'");
    }
    return "download/" + name + "?alt=media";
  }
}

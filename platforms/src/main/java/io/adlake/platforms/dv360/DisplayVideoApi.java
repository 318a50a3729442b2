package io.adlake.platforms.dv360;

import java.util.List;

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
   * The OAuth scope a service account asks for
   * (developers.google.com/display-video/api/guides/getting-started/overview).
   */
  public static final String SCOPE = "https://www.googleapis.com/auth/display-video";

  /**
   * The SDF version of the download: v9 (SdfVersion SDF_VERSION_9). The columns bronze reads ("Io
   * Id", "Budget Segments", "Line Item Id", "Start Date", "Frequency Enabled" and the others of
   * SdfInsertionOrders and SdfLineItems) are read by name and kept from v7 to v9; v9 added columns
   * (Contains EU Political Ads) and renamed ones bronze does not read
   * (developers.google.com/display-video/api/structured-data-file/v7/migrate-to-v9).
   */
  public static final String SDF_VERSION = "SDF_VERSION_9";

  /** ParentEntityFilter.fileType: the two files the setup snapshot needs. */
  public static final List<String> SDF_FILE_TYPES =
      List.of("FILE_TYPE_INSERTION_ORDER", "FILE_TYPE_LINE_ITEM");

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

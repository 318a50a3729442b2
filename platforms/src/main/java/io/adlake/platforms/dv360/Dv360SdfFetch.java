package io.adlake.platforms.dv360;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adlake.platforms.fetch.FetchException;
import io.adlake.platforms.fetch.OrgFetch;
import io.adlake.platforms.fetch.ReportFetcher;
import io.adlake.platforms.fetch.ReportPoll;
import io.adlake.platforms.fetch.ReportShape;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * DV360 setup through Structured Data File download tasks of the Display &amp; Video 360 API v4
 * (developers.google.com/display-video/api/reference/rest/v4/sdfdownloadtasks/create,
 * sdfdownloadtasks.operations/get, SdfDownloadTask, media/download):
 *
 * <ol>
 *   <li>{@code POST sdfdownloadtasks}: the advertiser, the SDF version and a parent entity filter
 *       of every insertion order and line item ({@code FILTER_TYPE_NONE}); answered with a
 *       long-running operation's {@code name};
 *   <li>{@code GET sdfdownloadtasks/operations/{id}} until {@code done}; an {@code error} (a
 *       google.rpc.Status: code, message) ends it, else {@code response.resourceName} names the
 *       file;
 *   <li>{@code GET download/sdfdownloadtasks/media/{id}?alt=media} with the token (media.download):
 *       a zip;
 *   <li>its {@code SDF-InsertionOrders.csv} and {@code SDF-LineItems.csv} land as the org's setup
 *       files of the day. Entry names are matched, never used as paths. A zip without either is a
 *       failed task, not an empty setup.
 * </ol>
 */
final class Dv360SdfFetch implements ReportFetcher {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The file in the zip, and the stem it lands under in the org's setup folder; insertion orders
   * first.
   */
  private static final Map<String, String> FILES =
      new TreeMap<>(
          Map.of(
              DisplayVideoApi.SDF_INSERTION_ORDERS,
              "dv360-sdf-insertion-orders",
              DisplayVideoApi.SDF_LINE_ITEMS,
              "dv360-sdf-line-items"));

  @Override
  public void fetch(OrgFetch fetch) {
    String advertiser = fetch.requireAccount("the DV360 advertiser id");
    ObjectNode task =
        JSON.createObjectNode()
            .put("version", DisplayVideoApi.SDF_VERSION)
            .put("advertiserId", advertiser);
    ObjectNode filter = task.putObject("parentEntityFilter");
    ArrayNode types = filter.putArray("fileType");
    DisplayVideoApi.SDF_FILE_TYPES.forEach(types::add);
    filter.put("filterType", DisplayVideoApi.SDF_FILTER_TYPE);
    JsonNode operation =
        fetch
            .calls()
            .postJson(
                fetch.base().resolve("sdfdownloadtasks"),
                task.toString(),
                "create an SDF download task for advertiser " + advertiser);
    String name = operation.path("name").asText("");
    if (!name.matches("sdfdownloadtasks/operations/[0-9A-Za-z_.-]+")) {
      throw new FetchException(
          FetchException.Kind.PLATFORM,
          "the Display & Video 360 API created no SDF download task ("
              + fetch.calls().scope()
              + "): "
              + operation,
          null);
    }
    String what = "DV360 SDF download task " + name + " (" + fetch.calls().scope() + ")";
    JsonNode done =
        fetch
            .poll()
            .until(
                what,
                () -> {
                  JsonNode state =
                      fetch.calls().get(fetch.base().resolve(name), "state of " + name);
                  if (!state.path("done").asBoolean(false)) {
                    return ReportPoll.notYet("not done");
                  }
                  if (state.has("error")) {
                    JsonNode error = state.path("error");
                    throw new FetchException(
                        FetchException.Kind.PLATFORM,
                        what
                            + " failed: code "
                            + error.path("code").asText()
                            + ", "
                            + error.path("message").asText("no message"),
                        null);
                  }
                  return ReportPoll.done(state);
                });
    String path;
    try {
      path =
          DisplayVideoApi.mediaDownloadPath(done.path("response").path("resourceName").asText(""));
    } catch (IllegalArgumentException e) {
      throw new FetchException(
          FetchException.Kind.PLATFORM, what + " is done but " + e.getMessage(), null);
    }
    Path zip = fetch.scratch().resolve("sdf.zip");
    // media.download is at the host's root, beside the versioned API:
    // https://displayvideo.googleapis.com/download/...
    fetch.calls().download(fetch.base().resolve("../" + path), zip, true, "download " + what);
    LocalDate day = fetch.last();
    Map<String, Path> files = unzip(zip, fetch.scratch(), what);
    for (Map.Entry<String, String> file : FILES.entrySet()) {
      fetch.land(file.getValue(), day, "csv", files.get(file.getKey()), ReportShape.CSV);
    }
  }

  /**
   * The two SDF files of the zip, each by its name whatever folder it is in; a zip without one of
   * them fails.
   */
  private static Map<String, Path> unzip(Path zip, Path scratch, String what) {
    Map<String, Path> found = new LinkedHashMap<>();
    List<String> entries = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(zip);
        ZipInputStream in = new ZipInputStream(raw)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        String base = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
        entries.add(entry.getName());
        if (!entry.isDirectory() && FILES.containsKey(base)) {
          Path target = scratch.resolve(FILES.get(base) + ".csv");
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          found.put(base, target);
        }
      }
    } catch (ZipException e) {
      throw new FetchException(
          FetchException.Kind.TRUNCATED,
          what
              + ": the download is not a readable zip ("
              + e.getMessage()
              + "); nothing was landed",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String name : FILES.keySet()) {
      if (!found.containsKey(name)) {
        throw new FetchException(
            FetchException.Kind.PLATFORM,
            what
                + ": the SDF zip has no "
                + name
                + " (it holds "
                + entries
                + "); nothing was landed",
            null);
      }
    }
    return found;
  }
}

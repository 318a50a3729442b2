package io.adlake.jobs.cli;

import io.adlake.catalog.landing.LandedFile;
import io.adlake.catalog.landing.LandingScan;
import io.adlake.catalog.landing.LandingStore;
import io.adlake.catalog.landing.SliceKey;
import io.adlake.catalog.landing.SliceSelection;
import io.adlake.jobs.ingest.IngestReport;
import io.adlake.model.Source;
import io.adlake.model.org.OrgId;
import io.adlake.model.org.OrgScope;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "ingest",
    description = {
      "Load delivered exports into bronze Iceberg tables, exactly once per file.",
      "",
      "Two ways to call it:",
      "  landing mode (default): every slice under the landing root laid out as",
      "    <org>/<source>/<yyyy-mm-dd>/<files>, optionally narrowed by --date, --org, --source;",
      "  single-slice mode: --path P with --source, --org and --date, where P is a file or a folder.",
      "",
      "A file identical to the one already ingested for its slice is skipped. A slice delivered again with",
      "different content is a restatement: its earlier rows are replaced, never added to. Rows that cannot be read",
      "go to bronze.quarantine with file, line, raw text and reason. The report ends with",
      "rows read = accepted + quarantined, checked against what the tables now hold.",
      "",
      "Examples:",
      "  adlake ingest --date 2026-11-03",
      "  adlake ingest --landing s3://acme-landing/exports --org acme-media",
      "  adlake ingest --source dv360 --org acme-media --date 2026-11-03 --path ~/Downloads/report.csv"
    },
    footer = ExitCodes.DESCRIPTION,
    mixinStandardHelpOptions = true)
final class IngestCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Option(
      names = "--landing",
      paramLabel = "URI",
      description = "Landing root (folder or s3://bucket/prefix). Default: the profile's landing.")
  String landing;

  @Option(
      names = "--path",
      paramLabel = "PATH",
      description = "Single-slice mode: the file or folder to ingest.")
  String path;

  @Option(
      names = "--source",
      paramLabel = "SOURCE",
      description = "Source: dv360, ttd, meta, bookings, setup, fx.")
  String source;

  @Option(names = "--org", paramLabel = "ORG", description = "Org id.")
  String org;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Delivery date.")
  LocalDate date;

  @Override
  public Integer call() throws IOException {
    try (CommandContext context = new CommandContext(common, "adlake-ingest")) {
      Map<SliceKey, List<LandedFile>> slices;
      List<LandingScan.Rejected> unplaced;
      LandingStore store;
      if (path != null) {
        if (source == null || org == null || date == null) {
          throw common.usageError("--path needs --source, --org and --date");
        }
        store = context.landing(path);
        List<LandedFile> files = list(store, path);
        slices = new LinkedHashMap<>();
        slices.put(
            common.parse(() -> new SliceKey(OrgId.of(org), Source.fromId(source), date)), files);
        unplaced = List.of();
      } else {
        String root = landing == null ? context.config.landing() : landing;
        store = context.landing(root);
        LandingScan scan = LandingScan.of(root, list(store, root));
        Source only = source == null ? null : common.parse(() -> Source.fromId(source));
        slices =
            new SliceSelection(date, date, org == null ? OrgScope.all() : OrgScope.only(org), only)
                .of(scan);
        unplaced = scan.rejected();
      }
      if (slices.isEmpty() && unplaced.isEmpty()) {
        throw new InputException(
            "nothing to ingest: no files match under "
                + (path != null ? path : landing == null ? context.config.landing() : landing));
      }
      if (source != null) {
        common.parse(() -> Source.fromId(source));
      }
      IngestReport report = context.ingestJob(store).run(slices, unplaced);
      report.print(System.out);
      if (!report.reconciles()) {
        return ExitCodes.RECONCILIATION_FAILED;
      }
      return report.rejectedFiles() > 0 ? ExitCodes.FILES_REJECTED : ExitCodes.OK;
    }
  }

  private static List<LandedFile> list(LandingStore store, String location) {
    try {
      return store.list(location);
    } catch (IOException e) {
      throw new InputException(e.getMessage());
    }
  }
}

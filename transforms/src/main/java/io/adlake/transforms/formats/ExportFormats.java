package io.adlake.transforms.formats;

import io.adlake.model.Source;
import java.util.List;

/** The formats each source can arrive in. */
public final class ExportFormats {
  private ExportFormats() {}

  public static final List<ExportFormat> ALL =
      List.of(
          new Dv360DeliveryReport(),
          new TtdDeliveryReport(),
          new MetaInsightsJson(),
          new GamReportCsv(),
          new MonetizeReportCsv(),
          new BookingsExport(),
          new SdfInsertionOrders(),
          new SdfLineItems(),
          new TtdAdGroupsJson(),
          new MetaAdSetsJson(),
          new EcbFxRates());

  public static List<ExportFormat> of(Source source) {
    return ALL.stream().filter(f -> f.source() == source).toList();
  }

  /**
   * The format of a file of a source, from its first line. When a source has one format that is the
   * answer even if the header is wrong, so every row is quarantined with the header's fault instead
   * of the file vanishing. When none of several formats fits, the first is used for the same
   * reason.
   */
  public static ExportFormat detect(Source source, String firstLine) {
    List<ExportFormat> candidates = of(source);
    return candidates.stream()
        .filter(f -> f.recognises(firstLine))
        .findFirst()
        .orElse(candidates.get(0));
  }

  public static ExportFormat byName(String name) {
    return ALL.stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown export format '" + name + "'"));
  }
}

package io.adlake.jobs;

import io.adlake.catalog.tables.MergedSlices;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What a silver or gold run replaced: per table, the slices and the rows they now hold.
 *
 * @param rowsMissingFx delivery rows whose amounts could not be converted for lack of an FX rate
 */
public record LayerReport(
    LocalDate firstDelivery,
    LocalDate lastDelivery,
    String runId,
    List<MergedSlices> tables,
    long rowsMissingFx) {

  public LayerReport {
    tables = List.copyOf(tables);
  }

  public void print(PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%n%s for %s%n",
        runId,
        firstDelivery.equals(lastDelivery) ? firstDelivery : firstDelivery + " to " + lastDelivery);
    out.printf(Locale.ROOT, "%-26s %8s %10s%n", "table", "slices", "rows");
    for (MergedSlices t : tables) {
      out.printf(Locale.ROOT, "%-26s %8d %10d%n", t.table(), t.slices(), t.rows());
    }
    if (rowsMissingFx > 0) {
      out.printf(
          Locale.ROOT,
          "warning: %d delivery row(s) have no FX rate within the lookback; their reporting-currency amounts are null (fx_status = missing_rate)%n",
          rowsMissingFx);
    }
  }
}

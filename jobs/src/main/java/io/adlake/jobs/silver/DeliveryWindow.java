package io.adlake.jobs.silver;

import static org.apache.spark.sql.functions.col;

import io.adlake.catalog.tables.OrgFilter;
import io.adlake.model.org.OrgScope;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;

/**
 * Which bronze deliveries a silver build reads: the delivery dates of the run, for every org or for
 * some ({@code --org}), and for an org held by an earlier run, back to the first delivery of that
 * held run, so the slices it held are tried again.
 *
 * @param orgs the orgs built
 * @param retryFrom per org, the first delivery date of its oldest unreleased hold (only orgs the
 *     run builds)
 */
public record DeliveryWindow(
    LocalDate first, LocalDate last, OrgScope orgs, Map<String, LocalDate> retryFrom) {

  public DeliveryWindow {
    if (last.isBefore(first)) {
      throw new IllegalArgumentException(
          "the last delivery date " + last + " is before the first " + first);
    }
    retryFrom = Map.copyOf(new TreeMap<>(retryFrom));
  }

  public static DeliveryWindow of(LocalDate first, LocalDate last) {
    return new DeliveryWindow(first, last, OrgScope.all(), Map.of());
  }

  /**
   * The filter on a bronze table's lineage columns; literal bounds, so Iceberg prunes partitions.
   */
  public Column filter() {
    Column delivered =
        col("delivery_date")
            .between(Date.valueOf(first), Date.valueOf(last))
            .and(OrgFilter.of(orgs, col("org_id")));
    for (Map.Entry<String, LocalDate> retry : retryFrom.entrySet()) {
      if (retry.getValue().isBefore(first)) {
        delivered =
            delivered.or(
                col("org_id")
                    .equalTo(retry.getKey())
                    .and(
                        col("delivery_date")
                            .between(Date.valueOf(retry.getValue()), Date.valueOf(last))));
      }
    }
    return delivered;
  }

  /** The earliest delivery date read, for any org. */
  public LocalDate earliest() {
    return retryFrom.values().stream()
        .filter(d -> d.isBefore(first))
        .min(LocalDate::compareTo)
        .orElse(first);
  }
}

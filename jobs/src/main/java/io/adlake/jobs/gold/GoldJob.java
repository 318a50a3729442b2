package io.adlake.jobs.gold;

import static org.apache.spark.sql.functions.col;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.Tables;
import io.adlake.jobs.Progress;
import io.adlake.jobs.SliceMerge;
import io.adlake.jobs.LayerReport;
import io.adlake.transforms.gold.CrossPlatformReport;
import io.adlake.transforms.gold.OrgDailySummary;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Builds the gold marts of a date for all orgs in one job. Platforms restate recent days, so each run rebuilds
 * the report days of a window ending on the date and replaces them by (org, day): a day that silver no longer
 * has disappears from gold too.
 */
public final class GoldJob {

  private final Lakehouse lakehouse;
  private final Progress progress;

  public GoldJob(Lakehouse lakehouse, Progress progress) {
    this.lakehouse = lakehouse;
    this.progress = progress;
  }

  /**
   * @param asOf        the run's date
   * @param rebuildDays how many report days before {@code asOf} can still change (restatement window)
   */
  public LayerReport run(LocalDate asOf, int rebuildDays) {
    String runId = "gold-" + asOf + "-" + UUID.randomUUID().toString().substring(0, 8);
    List<LayerReport.TableResult> results = new ArrayList<>();
    if (!lakehouse.exists(Tables.SILVER_DELIVERY)) {
      progress.step("gold: no silver delivery yet; nothing to build");
      return new LayerReport(asOf, asOf, runId, results, 0);
    }
    Column window = col("report_date").between(Date.valueOf(asOf.minusDays(rebuildDays)), Date.valueOf(asOf));
    Dataset<Row> silver = lakehouse.read(Tables.SILVER_DELIVERY).filter(window);
    Dataset<Row> slices = silver.select("org_id", "report_date");
    if (lakehouse.exists(Tables.GOLD_CROSS_PLATFORM)) {
      slices = slices.union(lakehouse.read(Tables.GOLD_CROSS_PLATFORM).filter(window).select("org_id", "report_date"));
    }
    // Fixed before any write: a cached plan over gold would be recomputed after the first MERGE and lose the days
    // that MERGE just removed, so the summary would keep them.
    slices = lakehouse.spark().createDataFrame(slices.distinct().collectAsList(), slices.schema());
    Dataset<Row> report = CrossPlatformReport.build(silver).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      progress.step("gold " + runId + ": cross-platform report for report days " + asOf.minusDays(rebuildDays) + " to " + asOf);
      results.add(SliceMerge.replaceChecked(lakehouse, Tables.GOLD_CROSS_PLATFORM, report, slices, runId));
      progress.step("gold: org daily summary");
      results.add(SliceMerge.replaceChecked(lakehouse, Tables.GOLD_ORG_DAILY, OrgDailySummary.build(report), slices, runId));
    } finally {
      report.unpersist();
    }
    return new LayerReport(asOf, asOf, runId, results, 0);
  }
}

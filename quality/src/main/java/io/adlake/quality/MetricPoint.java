package io.adlake.quality;

import java.time.LocalDate;

/**
 * One metric of one org in one run: a point of the history anomaly checks judge. One row of {@code
 * ops.quality_metrics}.
 *
 * @param metricDate the day the value describes (the run's date); history is read from earlier days
 *     only, so a rerun of a date never compares with itself
 */
public record MetricPoint(
    String table, String metric, String orgId, LocalDate metricDate, double value) {}

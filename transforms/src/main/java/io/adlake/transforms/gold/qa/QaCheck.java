package io.adlake.transforms.gold.qa;

import java.math.BigDecimal;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One setup check. Adding a check is one class implementing this (most extend {@link EntityCheck})
 * and one line in {@link QaLibrary#CHECKS}; orgs then enable it, set its severity and its
 * parameters in {@code conf/marts.yaml}.
 */
public interface QaCheck {

  /** Stable id, used in conf and in {@code gold.qa_findings.check_id}. */
  String id();

  /** {@code low}, {@code medium} or {@code high}, unless the org says otherwise. */
  String defaultSeverity();

  /** What a finding means, in one line. */
  String description();

  /** Parameter names with their defaults; the check reads each as column {@code param_<name>}. */
  default Map<String, BigDecimal> parameters() {
    return Map.of();
  }

  /**
   * The findings, one row per offending entity: {@code org_id, as_of_date, platform, entity_type,
   * entity_id, entity_name, found_value, expected_value, message}. Only orgs that enable the check
   * are in the input.
   */
  Dataset<Row> findings(QaInputs in);
}

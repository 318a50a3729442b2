package io.adlake.transforms.gold.qa;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What checks read, already limited to the orgs that enable the check and carrying its {@code
 * param_*} columns.
 *
 * @param entities silver setup entities with the org's {@code as_of_date} and, from pacing, {@code
 *     budget_rc}, {@code spend_to_date}, {@code last_delivery_date}, {@code paced_flight_start} and
 *     {@code paced_flight_end} (a TTD ad group's flight comes from its booking)
 * @param pacing gold pacing rows of the run, booking lines included
 */
public record QaInputs(Dataset<Row> entities, Dataset<Row> pacing) {}

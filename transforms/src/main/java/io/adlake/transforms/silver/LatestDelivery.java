package io.adlake.transforms.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Restatements: platforms re-send recent days with corrected numbers, so one report day can appear in several
 * deliveries. For each slice (e.g. org and report day) only the rows of the latest delivery count: the highest
 * delivery date, then the latest ingest of it.
 */
public final class LatestDelivery {
  private LatestDelivery() {}

  public static Dataset<Row> keep(Dataset<Row> bronze, String... sliceColumns) {
    Column version = struct(col("delivery_date"), col("ingested_at"), col("batch_id"));
    Column[] slice = Arrays.stream(sliceColumns).map(c -> col(c)).toArray(Column[]::new);
    return bronze
        .withColumn("_version", version)
        .withColumn("_latest", max(col("_version")).over(Window.partitionBy(slice)))
        .filter(col("_version").equalTo(col("_latest")))
        .drop("_version", "_latest");
  }
}

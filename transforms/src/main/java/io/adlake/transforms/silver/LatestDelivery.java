package io.adlake.transforms.silver;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Restatements: platforms re-send recent days with corrected numbers, so one report day can appear
 * in several deliveries. For each slice (e.g. org and report day) only the rows of the latest
 * delivery count: the highest delivery date, then the latest ingest of it.
 *
 * <p>A slice has few versions (one per delivered file), so the latest is found among the versions,
 * a small aggregate, and the rows of it are kept by a broadcast semi-join: the rows themselves are
 * neither shuffled nor sorted (a window over the slice would do both, for every row).
 */
public final class LatestDelivery {
  private LatestDelivery() {}

  private static final String[] VERSION = {"delivery_date", "ingested_at", "batch_id"};

  public static Dataset<Row> keep(Dataset<Row> bronze, String... sliceColumns) {
    Column[] slice = Arrays.stream(sliceColumns).map(c -> col(c)).toArray(Column[]::new);
    Column[] latestColumns = new Column[sliceColumns.length + VERSION.length];
    for (int i = 0; i < sliceColumns.length; i++) {
      latestColumns[i] = col(sliceColumns[i]).as("_l_" + sliceColumns[i]);
    }
    for (int i = 0; i < VERSION.length; i++) {
      latestColumns[sliceColumns.length + i] = col("_latest." + VERSION[i]).as("_l_" + VERSION[i]);
    }
    Dataset<Row> latest =
        bronze
            .groupBy(slice)
            .agg(
                max(struct(Arrays.stream(VERSION).map(c -> col(c)).toArray(Column[]::new)))
                    .as("_latest"))
            .select(latestColumns);
    Column same = null;
    for (String c : concat(sliceColumns, VERSION)) {
      Column one = bronze.col(c).eqNullSafe(latest.col("_l_" + c));
      same = same == null ? one : same.and(one);
    }
    return bronze.join(broadcast(latest), same, "left_semi");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}

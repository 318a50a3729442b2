package io.adlake.catalog.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adlake.catalog.SharedSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class GrainCheckTest {

  private static final StructType SCHEMA =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("line", DataTypes.StringType)
          .add("n", DataTypes.LongType);

  @Test
  void findsRepeatedKeysIncludingNullsAndPassesUniqueOnes(SparkSession spark) {
    Dataset<Row> rows =
        spark.createDataFrame(
            List.of(
                RowFactory.create("a", "1", 1L),
                RowFactory.create("a", "1", 2L),
                RowFactory.create("a", null, 3L),
                RowFactory.create("a", null, 4L),
                RowFactory.create("b", "1", 5L)),
            SCHEMA);
    GrainViolation violation = GrainCheck.check("t", rows, List.of("org_id", "line")).orElseThrow();
    assertThat(violation.duplicateKeys()).isEqualTo(2);
    assertThat(violation.examples()).hasSize(2);
    assertThat(GrainCheck.check("t", rows, List.of("org_id", "line", "n"))).isEmpty();
    assertThatThrownBy(() -> GrainCheck.require("silver.x", rows, List.of("org_id")))
        .hasMessageStartingWith("silver.x: 1 key(s) appear more than once on grain [org_id]");
  }
}

package io.adlake.transforms.gold.qa;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * A check that is a condition on one setup entity: say when it fails and what was found and
 * expected.
 */
abstract class EntityCheck implements QaCheck {

  /** True for an entity that fails the check. */
  abstract Column failing();

  abstract Column found();

  abstract Column expected();

  @Override
  public Dataset<Row> findings(QaInputs in) {
    return finding(
        in.entities().filter(failing()), col("name"), found(), expected(), description());
  }

  /** Rows in the shape {@link QaCheck#findings} returns, from a frame of offending entities. */
  static Dataset<Row> finding(
      Dataset<Row> offending,
      Column entityName,
      Column found,
      Column expected,
      String description) {
    return offending
        .select(
            col("org_id"),
            col("as_of_date"),
            col("platform"),
            col("entity_type"),
            col("entity_id"),
            entityName.as("entity_name"),
            found.cast(DataTypes.StringType).as("found_value"),
            expected.cast(DataTypes.StringType).as("expected_value"))
        .withColumn("message", message(description, col("found_value"), col("expected_value")));
  }

  private static Column message(String description, Column found, Column expected) {
    return concat_ws("", lit(description + ": found "), found, lit(", expected "), expected);
  }

  static Column active() {
    return col("status").equalTo("Active");
  }

  static Column flight(Column start, Column end) {
    return concat_ws(" to ", start.cast(DataTypes.StringType), end.cast(DataTypes.StringType));
  }
}

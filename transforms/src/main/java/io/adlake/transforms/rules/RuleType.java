package io.adlake.transforms.rules;

import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;

/**
 * What a column or value of a rule holds; comparisons and arithmetic are checked against it before
 * Spark sees them.
 */
public enum RuleType {
  NUMBER,
  TEXT,
  DATE,
  BOOLEAN;

  /**
   * The rule type of a Spark column type; other types (maps, arrays, binary) cannot be named in a
   * rule.
   */
  public static RuleType of(DataType type) {
    if (type instanceof NumericType) {
      return NUMBER;
    }
    if (type instanceof StringType) {
      return TEXT;
    }
    if (type instanceof DateType) {
      return DATE;
    }
    if (type instanceof BooleanType) {
      return BOOLEAN;
    }
    throw new IllegalArgumentException(
        "a column of type " + type.simpleString() + " cannot be used in a rule");
  }
}

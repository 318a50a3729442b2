package io.adlake.transforms.rules;

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
  public static RuleType of(org.apache.spark.sql.types.DataType type) {
    if (type instanceof org.apache.spark.sql.types.NumericType) {
      return NUMBER;
    }
    if (type instanceof org.apache.spark.sql.types.StringType) {
      return TEXT;
    }
    if (type instanceof org.apache.spark.sql.types.DateType) {
      return DATE;
    }
    if (type instanceof org.apache.spark.sql.types.BooleanType) {
      return BOOLEAN;
    }
    throw new IllegalArgumentException(
        "a column of type " + type.simpleString() + " cannot be used in a rule");
  }
}

package io.adlake.transforms.rules;

/** What a column or value of a rule holds; comparisons and arithmetic are checked against it before Spark sees them. */
public enum RuleType {
  NUMBER,
  TEXT,
  DATE,
  BOOLEAN
}

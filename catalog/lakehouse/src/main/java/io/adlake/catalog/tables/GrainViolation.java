package io.adlake.catalog.tables;

import java.util.List;

/**
 * Rows that share a grain key. {@code examples} holds a few of the repeated keys, rendered for an
 * error message.
 */
public record GrainViolation(
    String table, List<String> grain, long duplicateKeys, List<String> examples) {

  public String message() {
    return table
        + ": "
        + duplicateKeys
        + " key(s) appear more than once on grain "
        + grain
        + ", e.g. "
        + examples;
  }
}

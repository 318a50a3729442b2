package io.adlake.model.config;

import io.adlake.model.ConfigException;
import java.util.List;

/**
 * An org's naming convention as written in {@code conf/marts.yaml}: tokens in order, joined by one
 * delimiter.
 *
 * @param version names the convention in results, so a change of convention is visible over time
 * @param entityTypes which setup entities it applies to, e.g. {@code insertion_order}, {@code
 *     ad_set}
 */
public record NamingConventionSpec(
    String version, String delimiter, List<String> entityTypes, List<TokenSpec> tokens) {

  public NamingConventionSpec {
    if (version == null || version.isBlank()) {
      throw new ConfigException("taxonomy.version is required");
    }
    if (delimiter == null
        || delimiter.length() != 1
        || Character.isLetterOrDigit(delimiter.charAt(0))) {
      throw new ConfigException(
          "taxonomy.delimiter must be one character that is not a letter or digit, was '"
              + delimiter
              + "'");
    }
    entityTypes = entityTypes == null ? List.of() : List.copyOf(entityTypes);
    if (tokens == null || tokens.isEmpty()) {
      throw new ConfigException("taxonomy '" + version + "': at least one token is required");
    }
    if (tokens.size() > 20) {
      throw new ConfigException(
          "taxonomy '" + version + "': at most 20 tokens, was " + tokens.size());
    }
    tokens = List.copyOf(tokens);
  }
}

package io.adlake.model.config;

import io.adlake.model.ConfigException;
import java.util.List;

/**
 * One position of a naming convention: a controlled vocabulary ({@code values}), or one or more
 * patterns in the taxonomy pattern grammar ({@code patterns}), never both.
 *
 * @param required null = required
 */
public record TokenSpec(String name, Boolean required, List<String> values, List<String> patterns) {

  public TokenSpec {
    if (name == null || name.isBlank()) {
      throw new ConfigException("taxonomy token without a name");
    }
    values = values == null ? List.of() : List.copyOf(values);
    patterns = patterns == null ? List.of() : List.copyOf(patterns);
    if (values.isEmpty() == patterns.isEmpty()) {
      throw new ConfigException(
          "taxonomy token '"
              + name
              + "': give either values or patterns, not "
              + (values.isEmpty() ? "neither" : "both"));
    }
  }

  public boolean isRequired() {
    return required == null || required;
  }
}

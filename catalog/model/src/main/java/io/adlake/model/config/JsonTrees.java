package io.adlake.model.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one merge rule of adlake's YAML layers: objects merge key by key, lists and scalars are
 * replaced whole.
 */
final class JsonTrees {
  private JsonTrees() {}

  static void deepMerge(ObjectNode target, JsonNode source) {
    if (source == null || !source.isObject()) {
      return;
    }
    source
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode existing = target.get(e.getKey());
              if (existing != null && existing.isObject() && e.getValue().isObject()) {
                deepMerge((ObjectNode) existing, e.getValue());
              } else {
                target.set(e.getKey(), e.getValue().deepCopy());
              }
            });
  }
}

package io.adlake.model.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.adlake.model.ConfigException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses keys a settings record does not have, before Jackson builds it: Jackson calls a record's
 * constructor before it reports an unknown key, so a misspelt key would otherwise surface as a
 * missing one. Walks nested records, lists of records and maps of records, and names the path of
 * the bad key.
 */
final class RecordKeys {
  private RecordKeys() {}

  static void refuseUnknown(Path file, JsonNode node, Type type, String path) {
    Class<?> raw =
        type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (raw.isRecord() && node.isObject()) {
      Map<String, RecordComponent> components = new HashMap<>();
      for (RecordComponent c : raw.getRecordComponents()) {
        components.put(
            PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(c.getName()), c);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        RecordComponent component = components.get(field.getKey());
        String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (component == null) {
          Set<String> keys = new TreeSet<>(components.keySet());
          throw new ConfigException(file + ": unknown key '" + at + "'; keys here are " + keys);
        }
        refuseUnknown(file, field.getValue(), component.getGenericType(), at);
      }
    } else if (type instanceof ParameterizedType p
        && List.class.isAssignableFrom(raw)
        && node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        refuseUnknown(file, node.get(i), p.getActualTypeArguments()[0], path + "[" + i + "]");
      }
    } else if (type instanceof ParameterizedType p
        && Map.class.isAssignableFrom(raw)
        && node.isObject()) {
      node.fields()
          .forEachRemaining(
              e ->
                  refuseUnknown(
                      file, e.getValue(), p.getActualTypeArguments()[1], path + "." + e.getKey()));
    }
  }
}

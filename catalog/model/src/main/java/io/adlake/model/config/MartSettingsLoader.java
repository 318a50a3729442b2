package io.adlake.model.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.adlake.model.ConfigException;
import io.adlake.model.org.OrgId;
import io.adlake.model.org.OrgRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code conf/marts.yaml}. Order of precedence, later wins: the {@code defaults} section,
 * then the org's section under {@code orgs}. Objects merge key by key; a list (a token list, a
 * vocabulary) given by an org replaces the default list whole.
 */
public final class MartSettingsLoader {
  private MartSettingsLoader() {}

  public static final String FILE = "marts.yaml";

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public static OrgMartSettings load(Path confDir, OrgRegistry orgs) {
    Path file = confDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("mart settings not found: " + file);
    }
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
    }
    JsonNode defaults = root.path("defaults");
    MartSettings base = bind(file, "defaults", defaults, null);
    Map<OrgId, MartSettings> byOrg = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("orgs").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      OrgId id;
      try {
        id = OrgId.of(entry.getKey());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(file + ": orgs." + entry.getKey() + ": " + e.getMessage());
      }
      if (orgs.find(id).isEmpty()) {
        throw new ConfigException(file + ": orgs." + id + " is not in the org registry");
      }
      byOrg.put(id, bind(file, "orgs." + id, defaults, entry.getValue()));
    }
    return new OrgMartSettings(base, byOrg);
  }

  private static MartSettings bind(Path file, String where, JsonNode defaults, JsonNode override) {
    ObjectNode merged = YAML.createObjectNode();
    JsonTrees.deepMerge(merged, defaults);
    JsonTrees.deepMerge(merged, override);
    try {
      return YAML.treeToValue(merged, MartSettings.class);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new ConfigException(file + " (" + where + "): " + cause.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(file + " (" + where + "): " + e.getOriginalMessage(), e);
    }
  }
}

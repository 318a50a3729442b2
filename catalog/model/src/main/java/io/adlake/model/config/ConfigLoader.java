package io.adlake.model.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.adlake.model.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code conf/adlake.yaml} into an {@link AdlakeConfig}.
 *
 * <p>Order of precedence, later wins:
 *
 * <ol>
 *   <li>the {@code defaults} section of {@code adlake.yaml};
 *   <li>the selected profile's section ({@code --profile}, else {@code ADLAKE_PROFILE}, else {@code
 *       default_profile});
 *   <li>environment variables {@code ADLAKE_<KEY>} for the keys in {@link #OVERRIDABLE} (dots
 *       become underscores: {@code catalog.uri} is {@code ADLAKE_CATALOG_URI});
 *   <li>command-line options.
 * </ol>
 *
 * <p>The text {@code ${data_dir}} in any value is replaced by the resolved data folder; relative
 * paths are resolved against the folder above {@code conf/}, so a command behaves the same from any
 * working directory.
 */
public final class ConfigLoader {

  /** Keys that environment variables and command-line options may override. */
  public static final List<String> OVERRIDABLE =
      List.of(
          "data_dir",
          "landing",
          "catalog.type",
          "catalog.uri",
          "catalog.warehouse",
          "spark.master",
          "spark.shuffle_partitions",
          "s3.region",
          "s3.endpoint",
          "s3.path_style",
          "fx.lookback_days",
          "serve.host",
          "serve.port",
          "serve.spark_jars",
          "serve.refresh_seconds");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Map<String, String> environment;

  public ConfigLoader(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  public static ConfigLoader fromSystemEnvironment() {
    return new ConfigLoader(System.getenv());
  }

  /**
   * The conf folder: the explicit one if given, else {@code ADLAKE_CONF_DIR}, else {@code ./conf}.
   */
  public Path confDir(Path explicit) {
    if (explicit != null) {
      return explicit.toAbsolutePath().normalize();
    }
    String env = environment.get("ADLAKE_CONF_DIR");
    return Path.of(env == null || env.isBlank() ? "conf" : env).toAbsolutePath().normalize();
  }

  /**
   * @param confDir folder holding adlake.yaml
   * @param profile profile asked for on the command line, or null
   * @param overrides command-line overrides keyed as in {@link #OVERRIDABLE}
   */
  public AdlakeConfig load(Path confDir, String profile, Map<String, String> overrides) {
    Path file = confDir.resolve("adlake.yaml");
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("configuration file not found: " + file);
    }
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
    }
    String chosen =
        firstNonBlank(profile, environment.get("ADLAKE_PROFILE"), text(root, "default_profile"));
    if (chosen == null) {
      throw new ConfigException(file + ": no profile selected and no default_profile set");
    }
    JsonNode profileNode = root.path("profiles").path(chosen);
    if (profileNode.isMissingNode()) {
      throw new ConfigException(
          file
              + ": unknown profile '"
              + chosen
              + "'; defined: "
              + iterableNames(root.path("profiles")));
    }
    ObjectNode merged = YAML.createObjectNode();
    JsonTrees.deepMerge(merged, root.path("defaults"));
    JsonTrees.deepMerge(merged, profileNode);

    Map<String, String> flat = new LinkedHashMap<>();
    for (String key : OVERRIDABLE) {
      String env = environment.get("ADLAKE_" + key.replace('.', '_').toUpperCase());
      if (env != null && !env.isBlank()) {
        flat.put(key, env);
      }
    }
    overrides.forEach(
        (k, v) -> {
          if (!OVERRIDABLE.contains(k)) {
            throw new ConfigException("'" + k + "' cannot be overridden; allowed: " + OVERRIDABLE);
          }
          if (v != null) {
            flat.put(k, v);
          }
        });
    flat.forEach((k, v) -> setPath(merged, k, v));
    return bind(chosen, confDir, merged, file);
  }

  private AdlakeConfig bind(String profile, Path confDir, ObjectNode node, Path file) {
    Path home = confDir.getParent() == null ? confDir : confDir.getParent();
    String dataDirText = required(node, "data_dir", file);
    Path dataDir = home.resolve(dataDirText).normalize();
    JsonNode s3 = node.path("s3");
    S3Settings s3Settings =
        new S3Settings(
            textOr(s3, "region", "us-east-1"),
            textOr(s3, "endpoint", ""),
            Boolean.parseBoolean(textOr(s3, "path_style", "false")));
    JsonNode catalog = node.path("catalog");
    String warehouse = expandLocation(required(node, "catalog.warehouse", file), dataDir, home);
    Map<String, String> catalogProperties = new LinkedHashMap<>();
    if (warehouse.startsWith("s3://")) {
      // An S3 warehouse uses the s3 block too; catalog.properties, being more specific, win.
      catalogProperties.putAll(s3Settings.icebergProperties());
    }
    catalogProperties.putAll(stringMap(catalog.path("properties")));
    CatalogSettings catalogSettings =
        new CatalogSettings(
            textOr(catalog, "name", "adlake"),
            required(node, "catalog.type", file),
            expand(required(node, "catalog.uri", file), dataDir),
            warehouse,
            catalogProperties);
    JsonNode spark = node.path("spark");
    SparkSettings sparkSettings =
        new SparkSettings(
            textOr(spark, "master", ""),
            intOr(spark, "shuffle_partitions", 8, "spark.shuffle_partitions"),
            stringMap(spark.path("conf")));
    int lookback = intOr(node.path("fx"), "lookback_days", 7, "fx.lookback_days");
    if (lookback < 0 || lookback > 31) {
      throw new ConfigException("fx.lookback_days must be between 0 and 31, was " + lookback);
    }
    return new AdlakeConfig(
        profile,
        confDir,
        dataDir,
        catalogSettings,
        expandLocation(required(node, "landing", file), dataDir, home),
        sparkSettings,
        s3Settings,
        lookback,
        serve(node.path("serve"), home));
  }

  private static ServeSettings serve(JsonNode serve, Path home) {
    ServeSettings defaults = ServeSettings.defaults();
    List<String> namespaces = new ArrayList<>();
    serve.path("namespaces").forEach(n -> namespaces.add(n.asText()));
    String jars = textOr(serve, "spark_jars", "");
    return new ServeSettings(
        textOr(serve, "host", defaults.host()),
        intOr(serve, "port", defaults.port(), "serve.port"),
        textOr(serve, "authentication", defaults.authentication()).toUpperCase(Locale.ROOT),
        serve.has("namespaces") ? namespaces : defaults.namespaces(),
        intOr(serve, "refresh_seconds", defaults.refreshSeconds(), "serve.refresh_seconds"),
        jars.isBlank() ? "" : home.resolve(jars).normalize().toString(),
        stringMap(serve.path("hive_conf")));
  }

  private static String expand(String value, Path dataDir) {
    return value.replace("${data_dir}", dataDir.toString());
  }

  /** URIs with a scheme are kept; plain paths become absolute. */
  private static String expandLocation(String value, Path dataDir, Path home) {
    String expanded = expand(value, dataDir);
    if (expanded.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      return expanded;
    }
    return home.resolve(expanded).normalize().toString();
  }

  private static void setPath(ObjectNode root, String dotted, String value) {
    String[] parts = dotted.split("\\.");
    ObjectNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      if (child == null || !child.isObject()) {
        child = node.putObject(parts[i]);
      }
      node = (ObjectNode) child;
    }
    node.put(parts[parts.length - 1], value);
  }

  private static String required(JsonNode root, String dotted, Path file) {
    JsonNode node = root;
    for (String part : dotted.split("\\.")) {
      node = node.path(part);
    }
    if (node.isMissingNode() || node.isNull() || node.asText().isBlank()) {
      throw new ConfigException(file + ": setting '" + dotted + "' is required");
    }
    return node.asText();
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isMissingNode() || v.isNull() ? null : v.asText();
  }

  private static String textOr(JsonNode node, String field, String fallback) {
    String v = text(node, field);
    return v == null ? fallback : v;
  }

  private static int intOr(JsonNode node, String field, int fallback, String key) {
    String v = text(node, field);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException("setting '" + key + "' must be a whole number, was '" + v + "'");
    }
  }

  private static Map<String, String> stringMap(JsonNode node) {
    Map<String, String> map = new LinkedHashMap<>();
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    }
    return map;
  }

  private static String iterableNames(JsonNode node) {
    StringBuilder names = new StringBuilder();
    node.fieldNames().forEachRemaining(n -> names.append(names.isEmpty() ? "" : ", ").append(n));
    return names.toString();
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}

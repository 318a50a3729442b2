package io.adlake.platforms.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Google API as its discovery document defines it, checking requests the way Google's front end
 * does: the method must exist at that path with that HTTP method, every query parameter must be the
 * method's or a standard one, and a JSON body may hold only the request schema's fields, with enum
 * values the schema lists and does not mark deprecated. A failed check is Google's own error: a 404
 * for an unknown method, a 400 {@code INVALID_ARGUMENT} naming the field or value (the JSON mapping
 * errors of Google APIs: "Invalid JSON payload received. Unknown name ...", "Invalid value at
 * ...").
 */
public final class GoogleApiContract {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode document;
  private final List<Method> methods = new ArrayList<>();

  /**
   * A method of the document: its id, HTTP method, path patterns and definition. The flat path
   * names each segment ({@code v4/advertisers/{advertisersId}}), so it tells methods apart that the
   * reserved-expansion path ({@code v4/advertisers/{+advertiserId}}) would let overlap.
   */
  public record Method(
      String id, String httpMethod, Pattern flatPath, Pattern path, JsonNode definition) {}

  /** What Google answers a request the document does not allow. */
  public record Refusal(int status, String body) {}

  private GoogleApiContract(JsonNode document) {
    this.document = document;
    collect(document.path("resources"));
  }

  /** The contract of a discovery document of google-api-python-client, e.g. displayvideo.v4. */
  public static GoogleApiContract of(String api) {
    return new GoogleApiContract(PublishedDefinitions.googleDiscovery(api));
  }

  public JsonNode document() {
    return document;
  }

  /** The schema of this name; fails when the document has none. */
  public JsonNode schema(String name) {
    JsonNode schema = document.path("schemas").path(name);
    if (schema.isMissingNode()) {
      throw new IllegalArgumentException(document.path("id").asText() + " has no schema " + name);
    }
    return schema;
  }

  /**
   * The method a request calls.
   *
   * @param relativePath the URL path below the API's root URL, without a leading slash ({@code
   *     v4/sdfdownloadtasks}; for Bid Manager {@code v2/queries/7:run})
   */
  public Optional<Method> method(String httpMethod, String relativePath) {
    String service = document.path("servicePath").asText("");
    if (!relativePath.startsWith(service)) {
      return Optional.empty();
    }
    String path = relativePath.substring(service.length());
    Optional<Method> flat =
        methods.stream()
            .filter(m -> m.httpMethod().equals(httpMethod) && m.flatPath().matcher(path).matches())
            .findFirst();
    return flat.isPresent()
        ? flat
        : methods.stream()
            .filter(m -> m.httpMethod().equals(httpMethod) && m.path().matcher(path).matches())
            .findFirst();
  }

  /**
   * Checks one request; empty when Google would take it.
   *
   * @param query the raw query string, or null
   * @param body the request body, or null or blank for none
   */
  public Optional<Refusal> check(
      String httpMethod, String relativePath, String query, String body) {
    Optional<Method> found = method(httpMethod, relativePath);
    if (found.isEmpty()) {
      return Optional.of(
          new Refusal(
              404,
              error(
                  404,
                  "NOT_FOUND",
                  "Method not found: "
                      + httpMethod
                      + " "
                      + relativePath
                      + " is not in "
                      + document.path("id").asText())));
    }
    Method method = found.get();
    if (query != null && !query.isBlank()) {
      for (String pair : query.split("&")) {
        String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
        if (!method.definition().path("parameters").has(name)
            && !document.path("parameters").has(name)) {
          return Optional.of(
              new Refusal(
                  400,
                  error(
                      400,
                      "INVALID_ARGUMENT",
                      "Invalid JSON payload received. Unknown name \""
                          + name
                          + "\": Cannot bind query parameter. Field '"
                          + name
                          + "' could not be found in request message.")));
        }
      }
    }
    JsonNode request = method.definition().path("request");
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    if (request.isMissingNode()) {
      return Optional.of(
          new Refusal(400, error(400, "INVALID_ARGUMENT", method.id() + " takes no request body")));
    }
    JsonNode parsed;
    try {
      parsed = JSON.readTree(body);
    } catch (IOException e) {
      return Optional.of(
          new Refusal(400, error(400, "INVALID_ARGUMENT", "Invalid JSON payload received.")));
    }
    List<String> problems = new ArrayList<>();
    checkValue(parsed, request, "", problems);
    return problems.isEmpty()
        ? Optional.empty()
        : Optional.of(new Refusal(400, error(400, "INVALID_ARGUMENT", problems.get(0))));
  }

  /** The problems of a value against a schema (by $ref or inline); empty when it conforms. */
  public List<String> problems(JsonNode value, String schemaName) {
    List<String> problems = new ArrayList<>();
    checkValue(value, schema(schemaName), "", problems);
    return problems;
  }

  private void checkValue(JsonNode value, JsonNode schema, String at, List<String> problems) {
    if (schema.has("$ref")) {
      schema = schema(schema.path("$ref").asText());
    }
    if (schema.has("enum")) {
      List<String> values = new ArrayList<>();
      schema.path("enum").forEach(v -> values.add(v.asText()));
      int index = values.indexOf(value.asText());
      boolean deprecated = index >= 0 && schema.path("enumDeprecated").path(index).asBoolean(false);
      if (index < 0 || deprecated) {
        problems.add(
            "Invalid value at '"
                + at
                + "' ("
                + (deprecated ? "deprecated enum value" : "TYPE_ENUM")
                + "), \""
                + value.asText()
                + "\"");
      }
      return;
    }
    if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        checkValue(value.get(i), schema.path("items"), at + "[" + i + "]", problems);
      }
      return;
    }
    if (value.isObject()) {
      JsonNode properties = schema.path("properties");
      JsonNode additional = schema.path("additionalProperties");
      Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String path = at.isEmpty() ? field.getKey() : at + "." + field.getKey();
        if (properties.has(field.getKey())) {
          checkValue(field.getValue(), properties.path(field.getKey()), path, problems);
        } else if (additional.isObject()) {
          checkValue(field.getValue(), additional, path, problems);
        } else {
          problems.add(
              "Invalid JSON payload received. Unknown name \""
                  + field.getKey()
                  + "\" at '"
                  + at
                  + "': Cannot find field.");
        }
      }
    }
  }

  private void collect(JsonNode resources) {
    resources
        .fields()
        .forEachRemaining(
            resource -> {
              resource
                  .getValue()
                  .path("methods")
                  .fields()
                  .forEachRemaining(
                      m -> {
                        JsonNode definition = m.getValue();
                        methods.add(
                            new Method(
                                definition.path("id").asText(),
                                definition.path("httpMethod").asText(),
                                pattern(
                                    definition
                                        .path("flatPath")
                                        .asText(definition.path("path").asText())),
                                pattern(definition.path("path").asText()),
                                definition));
                      });
              collect(resource.getValue().path("resources"));
            });
  }

  /** A path template as a pattern: {@code {+name}} spans slashes, {@code {name}} does not. */
  private static Pattern pattern(String template) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) {
        regex.append(Pattern.quote(template.substring(i)));
        break;
      }
      regex.append(Pattern.quote(template.substring(i, open)));
      int close = template.indexOf('}', open);
      regex.append(template.charAt(open + 1) == '+' ? ".+" : "[^/]+");
      i = close + 1;
    }
    return Pattern.compile(regex.toString());
  }

  /** Google's JSON error body. */
  public static String error(int code, String status, String message) {
    return JSON.createObjectNode()
        .set(
            "error",
            JSON.createObjectNode().put("code", code).put("message", message).put("status", status))
        .toString();
  }
}

package io.adlake.jobs.sample;

/**
 * One JSON object of an API's answer, written member by member in the order given, as the sample
 * exports and the benchmark write them under the names the platform packages declare. Values are
 * written as given, not escaped: the generated names and ids need no escaping.
 */
public final class JsonLine {
  private final StringBuilder json = new StringBuilder("{");

  /** A member whose value is a JSON string; Meta sends counts and amounts as strings too. */
  public JsonLine text(String name, Object value) {
    return member(name, "\"" + value + "\"");
  }

  /** A member whose value is written as JSON already: an array, an object, a number. */
  public JsonLine member(String name, String value) {
    json.append(json.length() > 1 ? "," : "").append('"').append(name).append("\":").append(value);
    return this;
  }

  @Override
  public String toString() {
    return json + "}";
  }
}

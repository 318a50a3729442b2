package io.adlake.model.org;

import io.adlake.model.Source;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One tenant of the lakehouse.
 *
 * @param reportingCurrency ISO 4217 code every amount is converted to in silver
 * @param timezone IANA zone the org counts its days in
 * @param sources enabled sources by id, each with how its exports are written
 */
public record Org(
    OrgId id,
    String name,
    String reportingCurrency,
    String timezone,
    Map<String, SourceOptions> sources)
    implements Serializable {

  public Org {
    if (id == null) {
      throw new IllegalArgumentException("org id is required");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("org '" + id + "': name is required");
    }
    currency(reportingCurrency);
    zone(timezone);
    Map<String, SourceOptions> copy = new LinkedHashMap<>();
    if (sources != null) {
      sources.forEach(
          (k, v) -> {
            if (Source.find(k).isEmpty()) {
              throw new IllegalArgumentException(
                  "org '" + id + "': unknown source '" + k + "'; known: " + Source.ids());
            }
            copy.put(k, v == null ? SourceOptions.defaults() : v);
          });
    }
    sources = Map.copyOf(copy);
  }

  public boolean enabled(Source source) {
    return sources.containsKey(source.id());
  }

  public SourceOptions options(Source source) {
    return sources.getOrDefault(source.id(), SourceOptions.defaults());
  }

  /** The account timezone of a source: its own override, else the org's. */
  public String timezoneOf(Source source) {
    String tz = options(source).timezone();
    return tz == null ? timezone : tz;
  }

  static void currency(String code) {
    try {
      if (code == null || !code.equals(Currency.getInstance(code).getCurrencyCode())) {
        throw new IllegalArgumentException();
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid currency '" + code + "': expected an ISO 4217 code such as EUR");
    }
  }

  static ZoneId zone(String tz) {
    try {
      return ZoneId.of(tz);
    } catch (DateTimeException | NullPointerException e) {
      throw new IllegalArgumentException(
          "invalid timezone '" + tz + "': expected an IANA zone such as Europe/Berlin");
    }
  }
}

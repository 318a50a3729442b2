package io.adlake.platforms.http;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The wait a server asks for in its Retry-After header (RFC 9110 section 10.2.3): seconds, or an
 * HTTP date.
 */
public final class RetryAfter {
  private RetryAfter() {}

  /** The header's wait, or empty when there is none or it is neither form. */
  public static Optional<Duration> of(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(
            value -> {
              String v = value.trim();
              try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
              } catch (NumberFormatException notSeconds) {
                try {
                  Duration until =
                      Duration.between(
                          ZonedDateTime.now(),
                          ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                  return Optional.of(until.isNegative() ? Duration.ZERO : until);
                } catch (DateTimeParseException notADate) {
                  return Optional.empty();
                }
              }
            });
  }
}

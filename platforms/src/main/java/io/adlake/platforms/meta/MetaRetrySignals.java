package io.adlake.platforms.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adlake.platforms.http.RetrySignals;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Meta's signals: a throttled call is an error code in the body ({@code
 * {"error":{"code":17,"error_subcode": 2446079,...}}}), mostly on HTTP 400, not a 429; the wait is
 * in the usage headers. Code 190 (token expired or revoked) is final. Anything else falls back to
 * HTTP's own signals. Codes and headers: {@link MetaApi}.
 */
public final class MetaRetrySignals implements RetrySignals {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Verdict judge(HttpResponse<String> response) {
    JsonNode error = error(response.body());
    int code = error.path("code").asInt(-1);
    int subcodeValue = error.path("error_subcode").asInt(-1);
    String permanent = MetaApi.PERMANENT_SUBCODES.get(subcodeValue);
    if (permanent != null) {
      return Verdict.refused(
          "Meta error " + code + subcode(error) + ": " + permanent + "; retrying cannot help");
    }
    if (MetaApi.isTransient(code, subcodeValue)) {
      return new Verdict(
          true,
          usageWait(response),
          "Meta error "
              + code
              + subcode(error)
              + ": throttled or temporarily unavailable, retried");
    }
    if (code == MetaApi.TOKEN_INVALID) {
      return new Verdict(
          false,
          Optional.empty(),
          "Meta error 190"
              + subcode(error)
              + ": the access token expired or was revoked; renew it, retrying cannot help",
          true);
    }
    Verdict http = RetrySignals.HTTP.judge(response);
    return code < 0
        ? http
        : new Verdict(
            http.retry(),
            http.asked(),
            "Meta error " + code + subcode(error),
            http.credentialsRefused(),
            http.requestRefused());
  }

  /**
   * The longest wait any usage header asks: {@code estimated_time_to_regain_access} (minutes) of
   * each business use case, and the ad account's {@code reset_time_duration} (seconds). Empty when
   * none asks (or all say 0).
   */
  static Optional<Duration> usageWait(HttpResponse<String> response) {
    long seconds = 0;
    for (String header : MetaApi.USAGE_HEADERS) {
      Optional<String> value = response.headers().firstValue(header);
      if (value.isEmpty()) {
        continue;
      }
      JsonNode usage = parse(value.get());
      for (JsonNode cases : usage) {
        if (cases.isArray()) {
          for (JsonNode useCase : cases) {
            seconds =
                Math.max(seconds, useCase.path("estimated_time_to_regain_access").asLong(0) * 60);
          }
        }
      }
      seconds = Math.max(seconds, usage.path("reset_time_duration").asLong(0));
    }
    return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
  }

  private static JsonNode error(String body) {
    return parse(body).path("error");
  }

  private static String subcode(JsonNode error) {
    return error.has("error_subcode")
        ? " (subcode " + error.path("error_subcode").asText() + ")"
        : "";
  }

  private static JsonNode parse(String text) {
    try {
      JsonNode node = text == null ? null : JSON.readTree(text);
      return node == null ? JSON.missingNode() : node;
    } catch (IOException notJson) {
      return JSON.missingNode();
    }
  }
}

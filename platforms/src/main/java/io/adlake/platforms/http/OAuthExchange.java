package io.adlake.platforms.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * The token request of the OAuth 2.0 JWT bearer grant (RFC 7523 section 2.1): a form POST of {@code
 * grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer} and the signed assertion. An answer of
 * 400 or 401 ({@code invalid_grant}: a revoked key, an unknown user, a clock skew) refuses the
 * credentials; 429 and 5xx are retried by the client. Failures are {@link PlatformException}s
 * without a status, so a caller's "refresh the token after a 401" does not ask the token endpoint
 * twice; the caller says what they mean for its flow.
 */
public final class OAuthExchange {
  public static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  private OAuthExchange() {}

  public static JsonNode exchange(
      PlatformClient client, URI tokenUrl, String assertion, String who) {
    String form =
        "grant_type="
            + URLEncoder.encode(JWT_BEARER, StandardCharsets.UTF_8)
            + "&assertion="
            + URLEncoder.encode(assertion, StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(tokenUrl)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      JsonNode answer = PlatformClient.json(client.send(request, "token for " + who).body());
      if (!answer.path("access_token").isTextual()) {
        throw new PlatformException(
            "the token endpoint " + tokenUrl + " gave no access_token for " + who, 0, null, true);
      }
      return answer;
    } catch (PlatformException e) {
      boolean refused = e.credentialsRefused() || e.status() == 400;
      throw new PlatformException(e.getMessage(), refused ? 0 : e.status(), e, refused);
    }
  }
}

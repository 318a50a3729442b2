package io.adlake.platforms.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A Google service account's access token
 * (developers.google.com/identity/protocols/oauth2/service-account, "Preparing to make an
 * authorized API call"): a JWT with the account's email as issuer, the scope, the key file's {@code
 * token_uri} as audience and an hour's life, signed with its key and exchanged at {@code
 * token_uri}. The token is kept until a minute before {@code expires_in} runs out, or until the API
 * rejects it.
 */
public final class ServiceAccountToken implements AccessToken {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String email;
  private final String keyId;
  private final PrivateKey key;
  private final URI tokenUri;
  private final String scope;
  private final PlatformClient client;
  private final Clock clock;
  private String token;
  private Instant refreshAt = Instant.MIN;

  /**
   * @param keyJson the service-account key file's JSON (client_email, private_key, private_key_id,
   *     token_uri)
   * @param what where the key came from, for messages ("$ADLAKE_DV360_SERVICE_ACCOUNT"); never the
   *     key
   */
  public ServiceAccountToken(
      String keyJson, String what, String scope, PlatformClient client, Clock clock) {
    JsonNode file;
    try {
      file = JSON.readTree(keyJson);
    } catch (IOException e) {
      throw new IllegalArgumentException(what + " is not a service-account key file (JSON)");
    }
    if (!"service_account".equals(file.path("type").asText())
        || !file.path("client_email").isTextual()) {
      throw new IllegalArgumentException(
          what
              + " is not a service-account key file: it needs type service_account and client_email");
    }
    this.email = file.path("client_email").asText();
    this.keyId = file.path("private_key_id").asText(null);
    this.key = JwtAssertion.privateKey(file.path("private_key").asText(null), what);
    this.tokenUri =
        URI.create(file.path("token_uri").asText("https://oauth2.googleapis.com/token"));
    this.scope = scope;
    this.client = client;
    this.clock = clock;
  }

  @Override
  public synchronized String value() {
    Instant now = clock.instant();
    if (token == null || !now.isBefore(refreshAt)) {
      Map<String, Object> claims = new HashMap<>(JwtAssertion.times(now, 3600));
      claims.put("iss", email);
      claims.put("scope", scope);
      claims.put("aud", tokenUri.toString());
      JsonNode answer =
          OAuthExchange.exchange(
              client, tokenUri, JwtAssertion.sign(key, keyId, claims), "service account " + email);
      token = answer.path("access_token").asText();
      refreshAt = now.plusSeconds(Math.max(0, answer.path("expires_in").asLong(3600) - 60));
    }
    return token;
  }

  @Override
  public synchronized void rejected() {
    token = null;
  }

  @Override
  public String toString() {
    return "ServiceAccountToken[" + email + "]";
  }
}

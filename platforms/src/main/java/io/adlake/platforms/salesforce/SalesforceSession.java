package io.adlake.platforms.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adlake.platforms.fetch.FetchException;
import io.adlake.platforms.http.AccessToken;
import io.adlake.platforms.http.JwtAssertion;
import io.adlake.platforms.http.OAuthExchange;
import io.adlake.platforms.http.PlatformClient;
import java.io.IOException;
import java.net.URI;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A Salesforce session through the OAuth 2.0 JWT bearer flow (help.salesforce.com, "OAuth 2.0 JWT
 * Bearer Flow for Server-to-Server Integration"): a JWT with the connected app's consumer key as
 * issuer, the user as subject and the login host as audience, posted to {@code
 * <login>/services/oauth2/token}. The answer carries the access token and the org's {@code
 * instance_url}, where the API is. It has no lifetime (the org's session timeout decides), so the
 * session is kept until the API answers 401 INVALID_SESSION_ID, then minted again.
 */
final class SalesforceSession implements AccessToken {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String clientId;
  private final String username;
  private final PrivateKey key;
  private final URI login;
  private final PlatformClient client;
  private final Clock clock;
  private String token;
  private URI instance;

  /**
   * @param credentialsJson {"client_id": consumer key, "username": the integration user,
   *     "private_key": PKCS#8 PEM}
   * @param what where they came from, for messages; never their text
   */
  SalesforceSession(
      String credentialsJson, String what, URI login, PlatformClient client, Clock clock) {
    JsonNode credentials;
    try {
      credentials = JSON.readTree(credentialsJson);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          what + " is not a JSON object with client_id, username and private_key");
    }
    if (!credentials.path("client_id").isTextual() || !credentials.path("username").isTextual()) {
      throw new IllegalArgumentException(
          what + " needs client_id (the connected app's consumer key) and username");
    }
    this.clientId = credentials.path("client_id").asText();
    this.username = credentials.path("username").asText();
    this.key = JwtAssertion.privateKey(credentials.path("private_key").asText(null), what);
    this.login = login;
    this.client = client;
    this.clock = clock;
  }

  @Override
  public synchronized String value() {
    if (token == null) {
      Map<String, Object> claims = new HashMap<>(JwtAssertion.times(clock.instant(), 180));
      claims.put("iss", clientId);
      claims.put("sub", username);
      claims.put("aud", login.toString().replaceAll("/$", ""));
      JsonNode answer =
          OAuthExchange.exchange(
              client,
              login.resolve("services/oauth2/token"),
              JwtAssertion.sign(key, null, claims),
              "Salesforce user " + username);
      String url = answer.path("instance_url").asText("");
      if (!url.matches("https?://.+")) {
        throw new FetchException(
            FetchException.Kind.PLATFORM,
            "Salesforce's token answer for " + username + " has no instance_url",
            null);
      }
      instance = URI.create(url.endsWith("/") ? url : url + "/");
      token = answer.path("access_token").asText();
    }
    return token;
  }

  /** The org's API root, known once a session exists. */
  synchronized URI instance() {
    value();
    return instance;
  }

  @Override
  public synchronized void rejected() {
    token = null;
  }

  @Override
  public String toString() {
    return "SalesforceSession[" + username + "]";
  }
}

package io.adlake.platforms.http;

/**
 * A long-lived token from the environment (a TTD-Auth token, a Meta system-user token): nothing to
 * refresh.
 */
public record EnvironmentToken(String token) implements AccessToken {
  @Override
  public String value() {
    return token;
  }

  @Override
  public String toString() {
    return "EnvironmentToken[redacted]";
  }
}

package io.adlake.platforms.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * A signed JWT (RFC 7519) for the OAuth 2.0 JWT bearer grant (RFC 7523), as Google service accounts
 * and Salesforce's JWT bearer flow ask: RS256 over {@code header.claims}, base64url without
 * padding. The key is PKCS#8 PEM, the form Google writes into a service-account key file and {@code
 * openssl pkcs8 -topk8} makes of a Salesforce certificate's key.
 */
public final class JwtAssertion {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private JwtAssertion() {}

  public static String sign(PrivateKey key, String keyId, Map<String, Object> claims) {
    ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT");
    if (keyId != null) {
      header.put("kid", keyId);
    }
    String signingInput =
        URL.encodeToString(bytes(header))
            + "."
            + URL.encodeToString(bytes(JSON.valueToTree(claims)));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + URL.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign the JWT assertion: " + e.getMessage(), e);
    }
  }

  /**
   * Claims common to both flows: issued now, expiring in {@code seconds} (both platforms accept at
   * most an hour).
   */
  public static Map<String, Object> times(Instant now, long seconds) {
    return Map.of("iat", now.getEpochSecond(), "exp", now.getEpochSecond() + seconds);
  }

  /** A PKCS#8 PEM private key; {@code what} names where it came from, never its text. */
  public static PrivateKey privateKey(String pem, String what) {
    if (pem == null || !pem.contains("-----BEGIN PRIVATE KEY-----")) {
      throw new IllegalArgumentException(
          what
              + " holds no PKCS#8 private key (-----BEGIN PRIVATE KEY-----); convert an RSA key with openssl pkcs8 -topk8 -nocrypt");
    }
    String base64 =
        pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\\\n|\\s", "");
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          what + " holds a private key that is not a readable RSA PKCS#8 key", e);
    }
  }

  private static byte[] bytes(Object node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.adlake.platforms.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import io.adlake.platforms.http.AccessToken;
import io.adlake.platforms.http.PlatformClient;
import io.adlake.platforms.http.PlatformException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * One org's calls to one platform: the token in the platform's header, the shared client's retries
 * and rate limit, one fresh token after a 401 (an expired token is refreshed; a revoked one is
 * refused again and reported), and every failure turned into a {@link FetchException} naming the
 * org, source and dates ({@code scope}).
 */
public final class ApiCalls {
  private final PlatformClient client;
  private final AccessToken token;
  private final String header;
  private final String scope;

  /**
   * @param header {@code Authorization} (sent as {@code Bearer <token>}) or {@code TTD-Auth} (the
   *     token as it is)
   * @param scope "org acme-media, source dv360, 2026-11-02 to 2026-11-03": what every message names
   */
  public ApiCalls(PlatformClient client, AccessToken token, String header, String scope) {
    this.client = client;
    this.token = token;
    this.header = header;
    this.scope = scope;
  }

  public String scope() {
    return scope;
  }

  public JsonNode get(URI uri, String what) {
    return PlatformClient.json(send(b -> b.uri(uri).GET(), what).body());
  }

  public JsonNode postJson(URI uri, String json, String what) {
    return PlatformClient.json(
        send(
                b ->
                    b.uri(uri)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                what)
            .body());
  }

  public HttpResponse<String> send(
      Function<HttpRequest.Builder, HttpRequest.Builder> request, String what) {
    try {
      return authorized(request, what, false);
    } catch (PlatformException e) {
      throw failure(e, FetchException.Kind.PLATFORM);
    }
  }

  /**
   * A report file into {@code target}. {@code withToken} is false for a signed URL (DV360's Cloud
   * Storage path): it authorises itself, and a token must not travel to a host a response named.
   */
  public HttpResponse<String> download(URI uri, Path target, boolean withToken, String what) {
    try {
      HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET();
      if (withToken) {
        return authorizedDownload(builder, target, what, false);
      }
      return client.download(builder.build(), what, target);
    } catch (PlatformException e) {
      throw failure(e, FetchException.Kind.TRUNCATED);
    }
  }

  private HttpResponse<String> authorized(
      Function<HttpRequest.Builder, HttpRequest.Builder> request, String what, boolean refreshed) {
    try {
      return client.send(
          withToken(request.apply(HttpRequest.newBuilder())).build(), what + " (" + scope + ")");
    } catch (PlatformException e) {
      if (e.status() == 401 && !refreshed) {
        token.rejected();
        return authorized(request, what, true);
      }
      throw e;
    }
  }

  private HttpResponse<String> authorizedDownload(
      HttpRequest.Builder builder, Path target, String what, boolean refreshed) {
    try {
      return client.download(withToken(builder.copy()).build(), what + " (" + scope + ")", target);
    } catch (PlatformException e) {
      if (e.status() == 401 && !refreshed) {
        token.rejected();
        return authorizedDownload(builder, target, what, true);
      }
      throw e;
    }
  }

  private HttpRequest.Builder withToken(HttpRequest.Builder builder) {
    String value = token.value();
    return builder.setHeader(header, header.equals("Authorization") ? "Bearer " + value : value);
  }

  private FetchException failure(PlatformException e, FetchException.Kind otherwise) {
    if (e.credentialsRefused()) {
      return new FetchException(
          FetchException.Kind.CREDENTIALS,
          e.getMessage() + "; renew the credentials, retrying cannot help",
          e);
    }
    if (e.requestRefused()) {
      return new FetchException(
          FetchException.Kind.REFUSED,
          e.getMessage() + "; the platform refuses the request as sent, retrying cannot help",
          e);
    }
    boolean answered = e.status() != 0 && e.status() != 200;
    return new FetchException(
        answered ? FetchException.Kind.PLATFORM : otherwise, e.getMessage(), e);
  }
}

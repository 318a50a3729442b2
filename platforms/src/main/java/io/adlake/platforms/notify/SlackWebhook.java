package io.adlake.platforms.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adlake.platforms.http.RetryAfter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A Slack incoming webhook: one POST of {@code {"text": ...}} per digest. Slack answers 200 "ok";
 * 429 with Retry-After when rate limited, and 5xx when it is unwell (both worth another try); other
 * 4xx mean the webhook is wrong or revoked, and trying again will not help. The URL is a secret: it
 * is never part of a message.
 */
public final class SlackWebhook implements NotificationChannel {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final URI url;
  private final HttpClient client;

  public SlackWebhook(String envName, URI url) {
    this.name = "slack (" + envName + ")";
    this.url = url;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void send(Digest digest) throws DeliveryException {
    String body;
    try {
      body = JSON.writeValueAsString(Map.of("text", digest.text()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DeliveryException(
          name + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), true, null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException(name + ": interrupted", false, null, e);
    }
    int status = response.statusCode();
    if (status / 100 == 2) {
      return;
    }
    String what = name + ": HTTP " + status + " " + abbreviate(response.body());
    if (status == 429) {
      throw new DeliveryException(what, true, RetryAfter.of(response).orElse(null), null);
    }
    throw new DeliveryException(what, status >= 500, null, null);
  }

  private static String abbreviate(String body) {
    String text = body == null ? "" : body.strip();
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}

package io.adlake.jobs.writeback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * DV360 line items through the Display & Video 360 API v4: {@code GET} and {@code PATCH
 * advertisers/{advertiserId}/lineItems/{lineItemId}?updateMask=...} with an OAuth bearer token. The mask names
 * exactly the field changed ({@code entityStatus}, {@code budget.maxAmount}, {@code pacing.dailyMaxMicros}), so
 * nothing else of the line item is touched. Amounts are micros of the advertiser's currency.
 */
public final class Dv360LineItems implements PlatformAdapter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BigDecimal MICROS = BigDecimal.valueOf(1_000_000);

  private final URI base;
  private final String token;
  private final PlatformClient client;

  /** @param base {@code https://displayvideo.googleapis.com/v4/} in production */
  public Dv360LineItems(URI base, String token, PlatformClient client) {
    this.base = base;
    this.token = token;
    this.client = client;
  }

  @Override
  public EntityState read(EntityRef entity) {
    HttpRequest request = authorized(HttpRequest.newBuilder(uri(entity, null))).GET().build();
    return state(PlatformClient.json(client.send(request, "read " + entity).body()));
  }

  @Override
  public EntityState apply(EntityRef entity, Change change) {
    ObjectNode body = JSON.createObjectNode();
    String mask =
        switch (change.type()) {
          case "pause", "resume" -> {
            body.put("entityStatus", change.type().equals("pause") ? "ENTITY_STATUS_PAUSED" : "ENTITY_STATUS_ACTIVE");
            yield "entityStatus";
          }
          case "set_budget" -> {
            body.putObject("budget").put("maxAmount", micros(change.value()));
            yield "budget.maxAmount";
          }
          default -> {
            body.putObject("pacing").put("dailyMaxMicros", micros(change.value()));
            yield "pacing.dailyMaxMicros";
          }
        };
    HttpRequest request =
        authorized(HttpRequest.newBuilder(uri(entity, mask)))
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    return state(PlatformClient.json(client.send(request, change + " " + entity).body()));
  }

  private URI uri(EntityRef entity, String mask) {
    if (entity.advertiserId() == null) {
      throw new IllegalArgumentException("DV360 line item " + entity.entityId() + " needs its advertiser id");
    }
    String path = "advertisers/" + entity.advertiserId() + "/lineItems/" + entity.entityId() + (mask == null ? "" : "?updateMask=" + mask);
    return base.resolve(path);
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder request) {
    return request.timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + token).header("Accept", "application/json");
  }

  private static EntityState state(JsonNode item) {
    JsonNode status = item.path("entityStatus");
    if (!status.isTextual()) {
      throw new PlatformException("DV360 answered without an entityStatus: " + PlatformClient.abbreviate(item.toString()), 200, null);
    }
    return new EntityState(
        status.asText().equals("ENTITY_STATUS_ACTIVE"), amount(item.path("budget").path("maxAmount")), amount(item.path("pacing").path("dailyMaxMicros")));
  }

  private static BigDecimal amount(JsonNode micros) {
    if (micros.isMissingNode() || micros.isNull() || micros.asText().isEmpty()) {
      return null;
    }
    return new BigDecimal(micros.asText()).divide(MICROS, 2, RoundingMode.HALF_UP);
  }

  /** int64 fields travel as JSON strings in Google APIs. */
  private static String micros(BigDecimal amount) {
    return amount.multiply(MICROS).setScale(0, RoundingMode.HALF_UP).toPlainString();
  }
}

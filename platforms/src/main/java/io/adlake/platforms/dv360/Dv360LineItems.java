package io.adlake.platforms.dv360;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adlake.model.ChangeType;
import io.adlake.platforms.http.PlatformClient;
import io.adlake.platforms.http.PlatformException;
import io.adlake.platforms.writeback.BudgetKind;
import io.adlake.platforms.writeback.Change;
import io.adlake.platforms.writeback.EntityRef;
import io.adlake.platforms.writeback.EntityState;
import io.adlake.platforms.writeback.PlatformAdapter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * DV360 line items through the Display & Video 360 API v4: {@code GET} and {@code PATCH
 * advertisers/{advertiserId}/lineItems/{lineItemId}?updateMask=...} with an OAuth bearer token. The
 * mask names exactly the field changed ({@code entityStatus}, {@code budget.maxAmount}, {@code
 * pacing.dailyMaxMicros}), so nothing else of the line item is touched.
 *
 * <p>What a change means depends on the line item
 * (developers.google.com/display-video/api/reference/rest/v4/ advertisers.lineItems, LineItemBudget
 * and Pacing): {@code budget.maxAmount} is micros of the advertiser's currency only with {@code
 * budgetUnit} BUDGET_UNIT_CURRENCY and a FIXED allocation (with BUDGET_UNIT_IMPRESSIONS it counts
 * impressions; an AUTOMATIC allocation is set by the system and immutable; UNLIMITED ignores it);
 * {@code pacing.dailyMaxMicros} applies with {@code pacingPeriod} PACING_PERIOD_DAILY only; and a
 * line item serves only while its insertion order ({@code GET
 * advertisers/{a}/insertionOrders/{io}}) is ENTITY_STATUS_ACTIVE. A read reports all three, so
 * {@link Change#refusal} can refuse what would not work.
 */
public final class Dv360LineItems implements PlatformAdapter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BigDecimal MICROS = BigDecimal.valueOf(1_000_000);
  private static final String ACTIVE = "ENTITY_STATUS_ACTIVE";

  private final URI base;
  private final String token;
  private final PlatformClient client;

  /**
   * @param base {@code https://displayvideo.googleapis.com/v4/} in production
   */
  public Dv360LineItems(URI base, String token, PlatformClient client) {
    this.base = base;
    this.token = token;
    this.client = client;
  }

  @Override
  public EntityState read(EntityRef entity) {
    HttpRequest request = authorized(HttpRequest.newBuilder(uri(entity, null))).GET().build();
    JsonNode item = PlatformClient.json(client.send(request, "read " + entity).body());
    return state(item, insertionOrderActive(entity, item));
  }

  /** Whether the line item's insertion order is active; null when the line item names none. */
  private Boolean insertionOrderActive(EntityRef entity, JsonNode item) {
    String io = item.path("insertionOrderId").asText("");
    if (!io.matches("[0-9]{1,20}")) {
      return null;
    }
    HttpRequest request =
        authorized(
                HttpRequest.newBuilder(
                    base.resolve(
                        "advertisers/" + entity.advertiserId() + "/insertionOrders/" + io)))
            .GET()
            .build();
    JsonNode order =
        PlatformClient.json(
            client.send(request, "read insertion order " + io + " of " + entity).body());
    return ACTIVE.equals(order.path("entityStatus").asText());
  }

  @Override
  public EntityState apply(EntityRef entity, Change change) {
    ObjectNode body = JSON.createObjectNode();
    String mask =
        switch (change.type()) {
          case PAUSE, RESUME -> {
            body.put(
                "entityStatus",
                change.type() == ChangeType.PAUSE ? "ENTITY_STATUS_PAUSED" : ACTIVE);
            yield "entityStatus";
          }
          case SET_BUDGET -> {
            body.putObject("budget").put("maxAmount", micros(change.value()));
            yield "budget.maxAmount";
          }
          case SET_DAILY_CAP -> {
            body.putObject("pacing").put("dailyMaxMicros", micros(change.value()));
            yield "pacing.dailyMaxMicros";
          }
        };
    HttpRequest request =
        authorized(HttpRequest.newBuilder(uri(entity, mask)))
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    JsonNode item = PlatformClient.json(client.send(request, change + " " + entity).body());
    return state(item, insertionOrderActive(entity, item));
  }

  private URI uri(EntityRef entity, String mask) {
    if (entity.advertiserId() == null) {
      throw new IllegalArgumentException(
          "DV360 line item " + entity.entityId() + " needs its advertiser id");
    }
    String path =
        "advertisers/"
            + entity.advertiserId()
            + "/lineItems/"
            + entity.entityId()
            + (mask == null ? "" : "?updateMask=" + mask);
    return base.resolve(path);
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder request) {
    return request
        .timeout(Duration.ofSeconds(120))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  private static EntityState state(JsonNode item, Boolean parentActive) {
    JsonNode status = item.path("entityStatus");
    if (!status.isTextual()) {
      throw new PlatformException(
          "DV360 answered without an entityStatus: " + PlatformClient.abbreviate(item.toString()),
          200,
          null);
    }
    JsonNode budget = item.path("budget");
    BudgetKind kind =
        budgetKind(
            budget.path("budgetAllocationType").asText(""), budget.path("budgetUnit").asText(""));
    boolean daily =
        item.path("pacing").path("pacingPeriod").asText("").equals("PACING_PERIOD_DAILY");
    return new EntityState(
        status.asText().equals(ACTIVE),
        kind == BudgetKind.MONEY ? amount(budget.path("maxAmount")) : null,
        daily ? amount(item.path("pacing").path("dailyMaxMicros")) : null,
        kind,
        daily,
        parentActive);
  }

  /**
   * A FIXED (or, in older answers, unstated) allocation in BUDGET_UNIT_CURRENCY is money; see the
   * class comment.
   */
  static BudgetKind budgetKind(String allocation, String unit) {
    return switch (allocation) {
      case "LINE_ITEM_BUDGET_ALLOCATION_TYPE_AUTOMATIC" -> BudgetKind.AUTOMATIC;
      case "LINE_ITEM_BUDGET_ALLOCATION_TYPE_UNLIMITED" -> BudgetKind.NONE;
      default -> unit.equals("BUDGET_UNIT_IMPRESSIONS") ? BudgetKind.IMPRESSIONS : BudgetKind.MONEY;
    };
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

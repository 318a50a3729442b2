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
 * The Trade Desk ad groups through its REST API v3: {@code GET adgroup/{id}} and {@code PUT adgroup} with the
 * {@code TTD-Auth} token. The PUT carries the ad group id and only the changed field ({@code IsEnabled}, or a money
 * object {@code {Amount, CurrencyCode}} under {@code RTBAttributes.BudgetSettings}); TTD leaves the rest as it is.
 */
public final class TtdAdGroups implements PlatformAdapter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String token;
  private final PlatformClient client;

  /** @param base {@code https://api.thetradedesk.com/v3/} in production */
  public TtdAdGroups(URI base, String token, PlatformClient client) {
    this.base = base;
    this.token = token;
    this.client = client;
  }

  @Override
  public EntityState read(EntityRef entity) {
    HttpRequest request = authorized(HttpRequest.newBuilder(base.resolve("adgroup/" + entity.entityId()))).GET().build();
    return state(PlatformClient.json(client.send(request, "read " + entity).body()));
  }

  @Override
  public EntityState apply(EntityRef entity, Change change) {
    ObjectNode body = JSON.createObjectNode().put("AdGroupId", entity.entityId());
    switch (change.type()) {
      case "pause", "resume" -> body.put("IsEnabled", change.type().equals("resume"));
      default -> {
        if (entity.currency() == null) {
          throw new IllegalArgumentException("TTD ad group " + entity.entityId() + " needs the budget's currency");
        }
        body.putObject("RTBAttributes").putObject("BudgetSettings").putObject(change.type().equals("set_budget") ? "Budget" : "DailyBudget")
            .put("Amount", change.value()).put("CurrencyCode", entity.currency());
      }
    }
    HttpRequest request =
        authorized(HttpRequest.newBuilder(base.resolve("adgroup")))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    return state(PlatformClient.json(client.send(request, change + " " + entity).body()));
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder request) {
    return request.timeout(Duration.ofSeconds(60)).header("TTD-Auth", token).header("Accept", "application/json");
  }

  private static EntityState state(JsonNode group) {
    JsonNode enabled = group.path("IsEnabled");
    if (!enabled.isBoolean()) {
      throw new PlatformException("TTD answered without IsEnabled: " + PlatformClient.abbreviate(group.toString()), 200, null);
    }
    JsonNode budgets = group.path("RTBAttributes").path("BudgetSettings");
    return new EntityState(enabled.asBoolean(), amount(budgets.path("Budget")), amount(budgets.path("DailyBudget")));
  }

  private static BigDecimal amount(JsonNode money) {
    JsonNode value = money.path("Amount");
    return value.isNumber() || value.isTextual() ? new BigDecimal(value.asText()).setScale(2, RoundingMode.HALF_UP) : null;
  }
}

package io.adlake.platforms.ttd;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The Trade Desk ad groups through its REST API v3 with the {@code TTD-Auth} token, as TTD's own
 * samples do it: {@code GET adgroup/{id}} and {@code GET campaign/{campaignId}} to read, {@code PUT
 * adgroup} with the ad group id and only what changes ({@code IsEnabled}, or one entry of {@code
 * RTBAttributes.BudgetSettings.AdGroupFlights}).
 *
 * <p>An ad group's budget is per campaign flight: the {@code AdGroupFlights} entry of the flight
 * running now holds {@code BudgetInAdvertiserCurrency} and {@code DailyTargetInAdvertiserCurrency}.
 * A campaign on Kokai budgeting ({@code BudgetingVersion} "Kokai") allocates its flight budget
 * across ad groups itself, so its ad groups have no budget of their own to set ({@link TtdApi}).
 */
public final class TtdAdGroups implements PlatformAdapter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String token;
  private final PlatformClient client;
  private final Clock clock;

  /**
   * @param base {@code https://api.thetradedesk.com/v3/} in production
   */
  public TtdAdGroups(URI base, String token, PlatformClient client, Clock clock) {
    this.base = base;
    this.token = token;
    this.client = client;
    this.clock = clock;
  }

  @Override
  public EntityState read(EntityRef entity) {
    return current(entity).state();
  }

  @Override
  public EntityState apply(EntityRef entity, Change change) {
    ObjectNode body = JSON.createObjectNode().put("AdGroupId", entity.entityId());
    switch (change.type()) {
      case PAUSE, RESUME -> body.put("IsEnabled", change.type() == ChangeType.RESUME);
      case SET_BUDGET, SET_DAILY_CAP -> {
        Reading now = current(entity);
        if (now.flightId() == null) {
          throw new IllegalArgumentException(
              "TTD ad group "
                  + entity.entityId()
                  + " has no campaign flight running or ahead to set a budget on");
        }
        BigDecimal budget =
            change.type() == ChangeType.SET_BUDGET ? change.value() : now.state().budget();
        BigDecimal daily =
            change.type() == ChangeType.SET_DAILY_CAP ? change.value() : now.state().dailyCap();
        ObjectNode flight =
            body.putObject("RTBAttributes")
                .putObject("BudgetSettings")
                .putArray("AdGroupFlights")
                .addObject();
        flight.put("CampaignFlightId", now.flightId());
        // Both amounts of the flight go together, so TTD cannot read a missing one as "remove it".
        if (budget != null) {
          flight.put("BudgetInAdvertiserCurrency", budget);
        }
        if (daily != null) {
          flight.put("DailyTargetInAdvertiserCurrency", daily);
        }
      }
    }
    HttpRequest request =
        authorized(HttpRequest.newBuilder(base.resolve("adgroup")))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    JsonNode answer = PlatformClient.json(client.send(request, change + " " + entity).body());
    if (!answer.path("AdGroupId").asText().equals(entity.entityId())) {
      throw new PlatformException(
          "TTD answered the update of "
              + entity
              + " with another object: "
              + PlatformClient.abbreviate(answer.toString()),
          200,
          null);
    }
    return read(entity);
  }

  /**
   * The ad group with its campaign: the state, and the id of the campaign flight budgets are set
   * on.
   */
  private record Reading(EntityState state, Long flightId) {}

  private Reading current(EntityRef entity) {
    JsonNode group = get("adgroup/" + entity.entityId(), "read " + entity);
    JsonNode enabled = group.path("IsEnabled");
    if (!enabled.isBoolean()) {
      throw new PlatformException(
          "TTD answered without IsEnabled: " + PlatformClient.abbreviate(group.toString()),
          200,
          null);
    }
    String campaignId = group.path("CampaignId").asText("");
    if (!campaignId.matches("[A-Za-z0-9]{1,64}")) {
      throw new PlatformException(
          "TTD answered an ad group without its CampaignId: "
              + PlatformClient.abbreviate(group.toString()),
          200,
          null);
    }
    JsonNode campaign =
        get("campaign/" + campaignId, "read campaign " + campaignId + " of " + entity);
    if (TtdApi.campaignLevelBudgeting(campaign.path("BudgetingVersion").asText(null))) {
      return new Reading(
          new EntityState(enabled.asBoolean(), null, null, BudgetKind.CAMPAIGN, false, null), null);
    }
    Long flightId = budgetFlight(campaign.path("CampaignFlights"), clock.instant());
    JsonNode flight = JSON.missingNode();
    for (JsonNode f : group.path("RTBAttributes").path("BudgetSettings").path("AdGroupFlights")) {
      if (flightId != null && f.path("CampaignFlightId").asLong() == flightId) {
        flight = f;
      }
    }
    BigDecimal budget = amount(flight.path("BudgetInAdvertiserCurrency"));
    return new Reading(
        new EntityState(
            enabled.asBoolean(),
            budget,
            amount(flight.path("DailyTargetInAdvertiserCurrency")),
            flightId == null ? BudgetKind.NONE : BudgetKind.MONEY,
            flightId != null,
            null),
        flightId);
  }

  /**
   * The campaign flight a budget change is for: the one running at {@code now}
   * (StartDateInclusiveUTC <= now < EndDateExclusiveUTC, an open end running on), else the next to
   * start; null when there is neither.
   */
  static Long budgetFlight(JsonNode flights, Instant now) {
    Long next = null;
    Instant nextStart = null;
    for (JsonNode flight : flights) {
      Instant start = TtdApi.utc(flight.path("StartDateInclusiveUTC").asText(null));
      Instant end = TtdApi.utc(flight.path("EndDateExclusiveUTC").asText(null));
      if (start == null) {
        continue;
      }
      if (!start.isAfter(now) && (end == null || end.isAfter(now))) {
        return flight.path("CampaignFlightId").asLong();
      }
      if (start.isAfter(now) && (nextStart == null || start.isBefore(nextStart))) {
        next = flight.path("CampaignFlightId").asLong();
        nextStart = start;
      }
    }
    return next;
  }

  private JsonNode get(String path, String what) {
    return PlatformClient.json(
        client
            .send(authorized(HttpRequest.newBuilder(base.resolve(path))).GET().build(), what)
            .body());
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder request) {
    return request
        .timeout(Duration.ofSeconds(60))
        .header("TTD-Auth", token)
        .header("Accept", "application/json");
  }

  private static BigDecimal amount(JsonNode value) {
    return value.isNumber() || (value.isTextual() && !value.asText().isBlank())
        ? new BigDecimal(value.asText()).setScale(2, RoundingMode.HALF_UP)
        : null;
  }
}

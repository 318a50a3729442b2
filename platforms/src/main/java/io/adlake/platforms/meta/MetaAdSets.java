package io.adlake.platforms.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.adlake.platforms.http.PlatformClient;
import io.adlake.platforms.http.PlatformException;
import io.adlake.platforms.writeback.BudgetKind;
import io.adlake.platforms.writeback.Change;
import io.adlake.platforms.writeback.EntityRef;
import io.adlake.platforms.writeback.EntityState;
import io.adlake.platforms.writeback.PlatformAdapter;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * Meta ad sets through the Marketing API (Graph API, version in the base URL, see {@link
 * MetaApi#VERSION}): {@code GET {adset-id}?fields=status,lifetime_budget,daily_budget} and {@code
 * POST {adset-id}} with form fields {@code status}, {@code lifetime_budget} or {@code
 * daily_budget}, token as a bearer header. Budgets are integers counted in Meta's offset of the
 * account currency ({@link MetaApi#toApi}: 10 EUR is 1000, 5000 HUF is 5000, 12.34 BHD is 1234). An
 * ad set has a lifetime or a daily budget and Meta writes the other as "0" ("either daily_budget or
 * lifetime_budget must be greater than 0", developers.facebook.com/docs/marketing-api/reference/
 * ad-campaign); both at "0" is an ad set whose campaign holds the budget. Write-back sets only the
 * kind the ad set has: turning a daily budget into a lifetime one is a new delivery plan, not a
 * budget change.
 */
public final class MetaAdSets implements PlatformAdapter {

  private final URI base;
  private final String token;
  private final PlatformClient client;

  /**
   * @param base {@code https://graph.facebook.com/v26.0/} in production
   */
  public MetaAdSets(URI base, String token, PlatformClient client) {
    this.base = base;
    this.token = token;
    this.client = client;
  }

  @Override
  public EntityState read(EntityRef entity) {
    HttpRequest request =
        authorized(
                HttpRequest.newBuilder(
                    base.resolve(
                        entity.entityId() + "?fields=status,lifetime_budget,daily_budget")))
            .GET()
            .build();
    return state(entity, PlatformClient.json(client.send(request, "read " + entity).body()));
  }

  @Override
  public EntityState apply(EntityRef entity, Change change) {
    String form =
        switch (change.type()) {
          case PAUSE -> "status=PAUSED";
          case RESUME -> "status=ACTIVE";
          case SET_BUDGET -> "lifetime_budget=" + MetaApi.toApi(change.value(), currency(entity));
          case SET_DAILY_CAP -> "daily_budget=" + MetaApi.toApi(change.value(), currency(entity));
        };
    HttpRequest request =
        authorized(HttpRequest.newBuilder(base.resolve(entity.entityId())))
            .header("Content-Type", "application/x-www-form-urlencoded")
            // the form is adlake's own words and digits, nothing to escape
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    JsonNode answer = PlatformClient.json(client.send(request, change + " " + entity).body());
    if (!answer.path("success").asBoolean(false)) {
      throw new PlatformException(
          "Meta did not confirm "
              + change
              + " of "
              + entity
              + ": "
              + PlatformClient.abbreviate(answer.toString()),
          200,
          null);
    }
    // The update answers only {"success": true}; the state is what a read says now.
    return read(entity);
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder request) {
    return request
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  private static EntityState state(EntityRef entity, JsonNode adSet) {
    JsonNode status = adSet.path("status");
    if (!status.isTextual()) {
      throw new PlatformException(
          "Meta answered without a status: " + PlatformClient.abbreviate(adSet.toString()),
          200,
          null);
    }
    BigDecimal lifetime = major(entity, adSet.path("lifetime_budget"));
    BigDecimal daily = major(entity, adSet.path("daily_budget"));
    BudgetKind kind =
        lifetime != null ? BudgetKind.MONEY : daily != null ? BudgetKind.NONE : BudgetKind.CAMPAIGN;
    return new EntityState(
        status.asText().equals("ACTIVE"), lifetime, daily, kind, daily != null, null);
  }

  /**
   * Meta sends budgets as strings in its units; "0" is the kind of budget the ad set does not use.
   */
  private static BigDecimal major(EntityRef entity, JsonNode amount) {
    if (amount.isMissingNode()
        || amount.isNull()
        || amount.asText().isEmpty()
        || amount.asText().equals("0")) {
      return null;
    }
    return MetaApi.fromApi(Long.parseLong(amount.asText()), currency(entity));
  }

  private static String currency(EntityRef entity) {
    if (entity.currency() == null) {
      throw new IllegalArgumentException(
          "Meta ad set " + entity.entityId() + " needs its account currency");
    }
    return entity.currency();
  }
}

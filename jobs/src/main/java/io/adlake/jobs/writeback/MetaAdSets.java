package io.adlake.jobs.writeback;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Currency;

/**
 * Meta ad sets through the Marketing API (Graph API): {@code GET {adset-id}?fields=status,lifetime_budget,
 * daily_budget} and {@code POST {adset-id}} with form fields {@code status}, {@code lifetime_budget} or
 * {@code daily_budget}, token as a bearer header. Budgets are integers in the account currency's minor unit
 * (cents, but whole yen).
 */
public final class MetaAdSets implements PlatformAdapter {

  private final URI base;
  private final String token;
  private final PlatformClient client;

  /** @param base {@code https://graph.facebook.com/v21.0/} in production */
  public MetaAdSets(URI base, String token, PlatformClient client) {
    this.base = base;
    this.token = token;
    this.client = client;
  }

  @Override
  public EntityState read(EntityRef entity) {
    HttpRequest request = authorized(HttpRequest.newBuilder(base.resolve(entity.entityId() + "?fields=status,lifetime_budget,daily_budget"))).GET().build();
    return state(entity, PlatformClient.json(client.send(request, "read " + entity).body()));
  }

  @Override
  public EntityState apply(EntityRef entity, Change change) {
    String form =
        switch (change.type()) {
          case "pause" -> "status=PAUSED";
          case "resume" -> "status=ACTIVE";
          case "set_budget" -> "lifetime_budget=" + minor(entity, change.value());
          default -> "daily_budget=" + minor(entity, change.value());
        };
    HttpRequest request =
        authorized(HttpRequest.newBuilder(base.resolve(entity.entityId())))
            .header("Content-Type", "application/x-www-form-urlencoded")
            // the form is adlake's own words and digits, nothing to escape
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    JsonNode answer = PlatformClient.json(client.send(request, change + " " + entity).body());
    if (!answer.path("success").asBoolean(false)) {
      throw new PlatformException("Meta did not confirm " + change + " of " + entity + ": " + PlatformClient.abbreviate(answer.toString()), 200, null);
    }
    // The update answers only {"success": true}; the state is what a read says now.
    return read(entity);
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder request) {
    return request.timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token).header("Accept", "application/json");
  }

  private static EntityState state(EntityRef entity, JsonNode adSet) {
    JsonNode status = adSet.path("status");
    if (!status.isTextual()) {
      throw new PlatformException("Meta answered without a status: " + PlatformClient.abbreviate(adSet.toString()), 200, null);
    }
    return new EntityState(status.asText().equals("ACTIVE"), major(entity, adSet.path("lifetime_budget")), major(entity, adSet.path("daily_budget")));
  }

  /** Meta sends budgets as strings of minor units; "0" means no budget of that kind. */
  private static BigDecimal major(EntityRef entity, JsonNode minor) {
    if (minor.isMissingNode() || minor.isNull() || minor.asText().isEmpty() || minor.asText().equals("0")) {
      return null;
    }
    return new BigDecimal(minor.asText()).movePointLeft(digits(entity)).setScale(2, RoundingMode.HALF_UP);
  }

  private static String minor(EntityRef entity, BigDecimal major) {
    return major.movePointRight(digits(entity)).setScale(0, RoundingMode.HALF_UP).toPlainString();
  }

  private static int digits(EntityRef entity) {
    if (entity.currency() == null) {
      throw new IllegalArgumentException("Meta ad set " + entity.entityId() + " needs its account currency");
    }
    return Math.max(0, Currency.getInstance(entity.currency()).getDefaultFractionDigits());
  }
}

package io.adlake.jobs.sample;

import io.adlake.catalog.org.Org;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The campaigns one org runs in the sample data: advertisers, DV360 insertion orders and line items, TTD
 * campaigns and ad groups, Meta campaigns, ad sets and ads, and what each delivers per day. Everything follows
 * from the seed and the org id, so the same arguments always give the same exports.
 */
final class SampleWorld {

  record Entity(String id, String name, String parentId, String currency, BigDecimal budget, LocalDate start, LocalDate end) {}

  record Delivery(long impressions, long clicks, BigDecimal conversions, BigDecimal mediaCost, BigDecimal totalMediaCost, BigDecimal revenue) {}

  final Org org;
  final long seed;
  final String code;
  final List<Entity> dv360Advertisers = new ArrayList<>();
  final List<Entity> insertionOrders = new ArrayList<>();
  final List<Entity> lineItems = new ArrayList<>();
  final List<Entity> ttdCampaigns = new ArrayList<>();
  final List<Entity> adGroups = new ArrayList<>();
  final Entity ttdAdvertiser;
  final Entity metaAccount;
  final List<Entity> metaCampaigns = new ArrayList<>();
  final List<Entity> adSets = new ArrayList<>();
  final List<Entity> ads = new ArrayList<>();

  SampleWorld(Org org, long seed, LocalDate start, int days) {
    this.org = org;
    this.seed = seed;
    this.code = org.id().value().replace("-", "").toUpperCase(Locale.ROOT).substring(0, Math.min(4, org.id().value().replace("-", "").length()));
    Random r = random("world");
    LocalDate flightStart = start.minusDays(10);
    LocalDate flightEnd = start.plusDays(Math.max(days, 7) + 13);
    String[] markets = {"DE", "FR", "UK", "US"};
    String[] objectives = {"AWARENESS", "CONSIDERATION", "CONVERSION"};
    String month = String.format(Locale.ROOT, "%04d%02d", start.getYear(), start.getMonthValue());
    for (int a = 0; a < 2; a++) {
      String advCurrency = a == 0 ? org.reportingCurrency() : "USD";
      Entity adv = new Entity(id(r, 7), code + " Brand " + (char) ('A' + a), null, advCurrency, null, null, null);
      dv360Advertisers.add(adv);
      for (int i = 0; i < 2; i++) {
        BigDecimal budget = BigDecimal.valueOf(20_000 + r.nextInt(30_000));
        String market = markets[r.nextInt(markets.length)];
        String name = code + "_" + market + "_DISPLAY_" + objectives[(a + i) % 3] + "_" + month;
        if (a == 1 && i == 1) {
          name = name.toLowerCase(Locale.ROOT).replace('_', '-'); // a name that breaks the naming convention
        }
        Entity io = new Entity(id(r, 8), name, adv.id(), advCurrency, budget, flightStart, flightEnd);
        insertionOrders.add(io);
        for (int l = 0; l < 2; l++) {
          lineItems.add(new Entity(id(r, 9), name + "_LI" + (l + 1), io.id(), advCurrency,
              budget.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP), l == 0 ? null : flightStart.plusDays(3), l == 0 ? null : flightEnd));
        }
      }
    }
    ttdAdvertiser = new Entity(id(r, 6), code + " Brand A", null, "USD", null, null, null);
    for (int c = 0; c < 2; c++) {
      Entity campaign = new Entity(id(r, 7), code + "_US_PROGRAMMATIC_" + objectives[c] + "_" + month, ttdAdvertiser.id(), "USD",
          BigDecimal.valueOf(15_000 + r.nextInt(10_000)), flightStart, flightEnd);
      ttdCampaigns.add(campaign);
      for (int g = 0; g < 2; g++) {
        adGroups.add(new Entity(id(r, 7), campaign.name() + "_AG" + (g + 1), campaign.id(), "USD", null, null, null));
      }
    }
    String metaCurrency = org.reportingCurrency().equals("GBP") ? "EUR" : "GBP";
    metaAccount = new Entity(id(r, 15), code + " Social", null, metaCurrency, null, null, null);
    for (int c = 0; c < 2; c++) {
      Entity campaign = new Entity(id(r, 17), code + "_UK_SOCIAL_" + objectives[2 - c] + "_" + month, metaAccount.id(), metaCurrency,
          BigDecimal.valueOf(8_000 + r.nextInt(8_000)), flightStart, flightEnd);
      metaCampaigns.add(campaign);
      for (int s = 0; s < 2; s++) {
        Entity adSet = new Entity(id(r, 17), campaign.name() + "_SET" + (s + 1), campaign.id(), metaCurrency, null, null, null);
        adSets.add(adSet);
        for (int d = 0; d < 2; d++) {
          ads.add(new Entity(id(r, 17), adSet.name() + "_AD" + (d + 1), adSet.id(), metaCurrency, null, null, null));
        }
      }
    }
  }

  /** What an entity delivered on a day; {@code version} > 0 is a later, restated count of the same day. */
  Delivery delivery(String entityId, LocalDate day, int version) {
    Random r = random(entityId + "|" + day);
    long impressions = 2_000 + r.nextInt(58_000);
    double ctr = 0.002 + r.nextDouble() * 0.01;
    double cpm = 1.5 + r.nextDouble() * 7.5;
    double conversionRate = 0.02 + r.nextDouble() * 0.08;
    if (version > 0) {
      impressions = Math.round(impressions * (1 + 0.03 * version));
    }
    long clicks = Math.round(impressions * ctr);
    BigDecimal media = money(impressions / 1000.0 * cpm);
    BigDecimal total = media.multiply(BigDecimal.valueOf(1.12)).setScale(2, RoundingMode.HALF_UP);
    BigDecimal revenue = total.multiply(BigDecimal.valueOf(1.30)).setScale(2, RoundingMode.HALF_UP);
    return new Delivery(impressions, clicks, BigDecimal.valueOf(clicks * conversionRate).setScale(2, RoundingMode.HALF_UP), media, total, revenue);
  }

  Random random(String key) {
    return new Random(seed * 31 + (org.id().value() + "|" + key).hashCode());
  }

  private static String id(Random r, int digits) {
    StringBuilder s = new StringBuilder().append(1 + r.nextInt(9));
    for (int i = 1; i < digits; i++) {
      s.append(r.nextInt(10));
    }
    return s.toString();
  }

  static BigDecimal money(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
  }
}

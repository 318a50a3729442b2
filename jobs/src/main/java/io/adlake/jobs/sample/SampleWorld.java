package io.adlake.jobs.sample;

import io.adlake.model.Source;
import io.adlake.model.Ssp;
import io.adlake.model.org.Org;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The campaigns one org runs in the sample data: advertisers, DV360 insertion orders and line
 * items, TTD campaigns and ad groups, Meta campaigns, ad sets and ads, and what each delivers per
 * day. Everything follows from the seed and the org id, so the same arguments always give the same
 * exports.
 *
 * <p>Each budget holder has a pace: its delivery is that multiple of even pacing (with day-to-day
 * noise), so the gold marts meet every status and check:
 *
 * <ul>
 *   <li>DV360 insertion orders: #0 paced ASAP and ahead, #1 on track, #2 over, #3 under and
 *       unbooked with a line item that stops delivering, #4 not started yet, #5 ended but still
 *       active, its line item starting after the IO's end; #1's second line item runs past its
 *       insertion order; one line item has no frequency cap.
 *   <li>TTD: campaign #0 under with an ad group whose budget is far below its spend and one with a
 *       zero budget; campaign #1 on track, its name misspelt.
 *   <li>Meta: campaign #0 on track with its first two tokens swapped; campaign #1 over, booked 20%
 *       above its ad sets' budgets; one ad set without a frequency cap.
 *   <li>Names: insertion order #3 in lower case with hyphens; #5 with a market outside the
 *       vocabulary.
 *   <li>Deals, for the SSPs the org ingests: see {@link #deals}.
 * </ul>
 */
final class SampleWorld {

  record Entity(
      String id,
      String name,
      String parentId,
      String currency,
      BigDecimal budget,
      LocalDate start,
      LocalDate end) {}

  /**
   * A programmatic deal: bought by a DSP entity (a DV360 line item or TTD ad group; null when
   * another buyer, outside the org, buys it) and sold through an SSP, which reports {@code
   * sspFactor} times the DSP's media cost as gross revenue ({@code sspFactor} 0: the SSP never
   * reports this id, the buyer keyed it wrong).
   */
  record Deal(
      String id,
      String name,
      Ssp ssp,
      String buyerEntityId,
      double sspFactor,
      String buyerId,
      String buyerName) {}

  record Delivery(
      long impressions,
      long clicks,
      BigDecimal conversions,
      BigDecimal mediaCost,
      BigDecimal totalMediaCost,
      BigDecimal revenue) {}

  /** Platform and data fees on top of media cost, as DV360 and TTD report them. */
  static final double FEES = 1.12;

  /**
   * DV360 insertion orders split their budget into two segments: this share over the first {@link
   * #FIRST_SEGMENT_DAYS}.
   */
  static final BigDecimal FIRST_SEGMENT_SHARE = new BigDecimal("0.4");

  static final int FIRST_SEGMENT_DAYS = 15;
  static final int FLIGHT_DAYS = 30;

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

  /**
   * Delivery as a multiple of even pacing, by budget holder (insertion order, TTD or Meta
   * campaign).
   */
  final Map<String, Double> pace = new HashMap<>();

  final Set<String> unbooked = new HashSet<>();
  final Set<String> asap = new HashSet<>();

  /** Line items that stop delivering after this report day. */
  final Map<String, LocalDate> silentAfter = new HashMap<>();

  final List<Deal> deals = new ArrayList<>();

  /**
   * Line items that spend four times their usual on this report day (a spend spike for the anomaly
   * alert).
   */
  final Map<String, LocalDate> surgeOn = new HashMap<>();

  SampleWorld(Org org, long seed, LocalDate start, int days) {
    this.org = org;
    this.seed = seed;
    this.code =
        org.id()
            .value()
            .replace("-", "")
            .toUpperCase(Locale.ROOT)
            .substring(0, Math.min(4, org.id().value().replace("-", "").length()));
    Random r = random("world");
    // DV360 reports the day before yesterday too, so its first report day is two days before the
    // first delivery.
    LocalDate dv360Start = start.minusDays(2);
    LocalDate otherStart = start.minusDays(1);
    String[] markets = {"DE", "FR", "UK", "US"};
    String[] objectives = {"AWARENESS", "CONSIDERATION", "CONVERSION"};
    String month = String.format(Locale.ROOT, "%04d%02d", start.getYear(), start.getMonthValue());
    double[] ioPace = {1.5, 1.0, 1.35, 0.6};
    for (int a = 0; a < 2; a++) {
      String advCurrency = a == 0 ? org.reportingCurrency() : "USD";
      Entity adv =
          new Entity(
              id(r, 7), code + " Brand " + (char) ('A' + a), null, advCurrency, null, null, null);
      dv360Advertisers.add(adv);
      for (int i = 0; i < 2; i++) {
        int index = a * 2 + i;
        BigDecimal budget = BigDecimal.valueOf(20_000 + r.nextInt(30_000));
        String market = markets[r.nextInt(markets.length)];
        String name = code + "_" + market + "_DISPLAY_" + objectives[(a + i) % 3] + "_" + month;
        if (index == 3) {
          name = name.toLowerCase(Locale.ROOT).replace('_', '-'); // breaks the naming convention
        }
        Entity io =
            new Entity(
                id(r, 8),
                name,
                adv.id(),
                advCurrency,
                budget,
                dv360Start,
                dv360Start.plusDays(FLIGHT_DAYS - 1));
        insertionOrders.add(io);
        pace.put(io.id(), ioPace[index]);
        for (int l = 0; l < 2; l++) {
          LocalDate liEnd =
              index == 1 ? io.end().plusDays(5) : io.end(); // #1's second line item outruns its IO
          lineItems.add(
              new Entity(
                  id(r, 9),
                  name + "_LI" + (l + 1),
                  io.id(),
                  advCurrency,
                  budget.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP),
                  l == 0 ? null : io.start().plusDays(3),
                  l == 0 ? null : liEnd));
        }
      }
    }
    asap.add(insertionOrders.get(0).id());
    unbooked.add(insertionOrders.get(3).id());
    silentAfter.put(lineItems.get(6).id(), start);
    // On the as-of day of a run over all the days. A line item starting after its IO: its share of
    // the IO's budget
    // is the same on every day of the baseline, so the spike is the surge alone.
    surgeOn.put(lineItems.get(3).id(), start.plusDays(days - 2L));

    Entity brandA = dv360Advertisers.get(0);
    LocalDate upcoming = start.plusDays(days + 3);
    insertionOrders.add(
        new Entity(
            id(r, 8),
            code + "_DE_VIDEO_AWARENESS_" + month,
            brandA.id(),
            brandA.currency(),
            BigDecimal.valueOf(12_000),
            upcoming,
            upcoming.plusDays(FLIGHT_DAYS - 1)));
    Entity ended =
        new Entity(
            id(r, 8),
            code + "_EMEA_DISPLAY_CONVERSION_" + month,
            brandA.id(),
            brandA.currency(),
            BigDecimal.valueOf(6_000),
            start.minusDays(25),
            start.minusDays(3));
    insertionOrders.add(ended);
    // Its line item was moved to start after the IO ended and kept "Same as Insertion Order" as its
    // end: readers
    // cannot see the reversed flight (they refuse explicit reversed dates), only silver's inherited
    // end shows it.
    lineItems.add(
        new Entity(
            id(r, 9),
            ended.name() + "_LI1",
            ended.id(),
            brandA.currency(),
            BigDecimal.valueOf(3_000),
            ended.end().plusDays(2),
            null));

    ttdAdvertiser = new Entity(id(r, 6), code + " Brand A", null, "USD", null, null, null);
    double[] ttdPace = {0.6, 1.0};
    for (int c = 0; c < 2; c++) {
      String objective = c == 1 ? "CONSIDERATON" : objectives[c]; // one letter missing
      Entity campaign =
          new Entity(
              id(r, 7),
              code + "_US_PROGRAMMATIC_" + objective + "_" + month,
              ttdAdvertiser.id(),
              "USD",
              BigDecimal.valueOf(15_000 + r.nextInt(10_000)),
              otherStart,
              otherStart.plusDays(FLIGHT_DAYS - 1));
      ttdCampaigns.add(campaign);
      pace.put(campaign.id(), ttdPace[c]);
      for (int g = 0; g < 2; g++) {
        adGroups.add(
            new Entity(
                id(r, 7),
                campaign.name() + "_AG" + (g + 1),
                campaign.id(),
                "USD",
                null,
                null,
                null));
      }
    }
    deals(random("deals"));
    String metaCurrency = org.reportingCurrency().equals("GBP") ? "EUR" : "GBP";
    metaAccount = new Entity(id(r, 15), code + " Social", null, metaCurrency, null, null, null);
    double[] metaPace = {1.0, 1.25};
    for (int c = 0; c < 2; c++) {
      String name =
          c == 0
              ? "UK_" + code + "_SOCIAL_" + objectives[2] + "_" + month
              : code + "_UK_SOCIAL_" + objectives[1] + "_" + month;
      Entity campaign =
          new Entity(
              id(r, 17),
              name,
              metaAccount.id(),
              metaCurrency,
              BigDecimal.valueOf(8_000 + r.nextInt(8_000)),
              otherStart,
              otherStart.plusDays(FLIGHT_DAYS - 1));
      metaCampaigns.add(campaign);
      pace.put(campaign.id(), metaPace[c]);
      for (int s = 0; s < 2; s++) {
        Entity adSet =
            new Entity(
                id(r, 17),
                campaign.name() + "_SET" + (s + 1),
                campaign.id(),
                metaCurrency,
                null,
                null,
                null);
        adSets.add(adSet);
        for (int d = 0; d < 2; d++) {
          ads.add(
              new Entity(
                  id(r, 17),
                  adSet.name() + "_AD" + (d + 1),
                  adSet.id(),
                  metaCurrency,
                  null,
                  null,
                  null));
        }
      }
    }
  }

  /**
   * The deals of the SSPs the org ingests, one of each reconciliation case: within tolerance, DSP
   * over, SSP over, a deal id only the DSP has, and one only the SSP has (sold to a buyer outside
   * the org). The gaps are wide enough (25 % and more of the day's few hundred) to clear the
   * default floor of 50 on every sample day.
   */
  private void deals(Random r) {
    if (org.enabled(Source.GAM)) {
      Ssp gam = Ssp.GAM;
      String dv360 = "Google Display & Video 360";
      deals.add(
          new Deal(
              id(r, 8),
              code + " PMP Premium Video",
              gam,
              lineItems.get(0).id(),
              0.97,
              "5093",
              dv360));
      deals.add(
          new Deal(
              id(r, 8), code + " PMP Homepage", gam, lineItems.get(3).id(), 0.70, "5093", dv360));
      deals.add(
          new Deal(id(r, 8), code + " PG Sports", gam, lineItems.get(1).id(), 1.25, "5093", dv360));
      deals.add(
          new Deal(id(r, 8), code + " PMP News", gam, lineItems.get(2).id(), 0, "5093", dv360));
      deals.add(
          new Deal(id(r, 8), code + " PMP Retail Audience", gam, null, 0, "7421", "Xandr Invest"));
    }
    if (org.enabled(Source.MONETIZE)) {
      Ssp monetize = Ssp.MONETIZE;
      deals.add(
          new Deal(
              id(r, 6),
              code + " Curated Auto",
              monetize,
              adGroups.get(0).id(),
              1.04,
              "2026",
              "The Trade Desk"));
      deals.add(
          new Deal(
              id(r, 6),
              code + " Curated Finance",
              monetize,
              adGroups.get(2).id(),
              0.75,
              "2026",
              "The Trade Desk"));
      deals.add(
          new Deal(id(r, 6), code + " Open Marketplace", monetize, null, 0, "1893", "Amazon DSP"));
    }
  }

  /** The deal a DSP entity buys through, if any. */
  Optional<Deal> dealOf(String entityId) {
    return deals.stream().filter(d -> entityId.equals(d.buyerEntityId())).findFirst();
  }

  /** A line item's flight: its own dates, else its insertion order's. */
  LocalDate[] flight(Entity lineItem) {
    Entity io = find(insertionOrders, lineItem.parentId());
    return new LocalDate[] {
      lineItem.start() == null ? io.start() : lineItem.start(),
      lineItem.end() == null ? io.end() : lineItem.end()
    };
  }

  /**
   * What a DV360 line item should cost in total on a day: its insertion order's pace x the IO's
   * even daily budget of that segment, shared by the IO's line items in flight that day; zero
   * outside its flight.
   */
  double dv360Target(Entity lineItem, LocalDate day) {
    Entity io = find(insertionOrders, lineItem.parentId());
    if (!inFlight(flight(lineItem), day)
        || !inFlight(new LocalDate[] {io.start(), io.end()}, day)) {
      return 0;
    }
    LocalDate quiet = silentAfter.get(lineItem.id());
    if (quiet != null && day.isAfter(quiet)) {
      return 0;
    }
    boolean firstSegment = ChronoUnit.DAYS.between(io.start(), day) < FIRST_SEGMENT_DAYS;
    BigDecimal share =
        firstSegment ? FIRST_SEGMENT_SHARE : BigDecimal.ONE.subtract(FIRST_SEGMENT_SHARE);
    double segmentDaily =
        io.budget().multiply(share).doubleValue()
            / (firstSegment ? FIRST_SEGMENT_DAYS : FLIGHT_DAYS - FIRST_SEGMENT_DAYS);
    long sharing =
        lineItems.stream()
            .filter(li -> li.parentId().equals(io.id()) && inFlight(flight(li), day))
            .count();
    double surge = day.equals(surgeOn.get(lineItem.id())) ? 4.0 : 1.0;
    return surge * pace.getOrDefault(io.id(), 1.0) * segmentDaily / Math.max(1, sharing);
  }

  /**
   * What one of a campaign's {@code units} delivering children (ad groups, or ads) should cost on a
   * day.
   */
  double campaignTarget(Entity campaign, LocalDate day, int units) {
    if (!inFlight(new LocalDate[] {campaign.start(), campaign.end()}, day)) {
      return 0;
    }
    return pace.get(campaign.id()) * campaign.budget().doubleValue() / FLIGHT_DAYS / units;
  }

  /**
   * What an entity delivered on a day, costing about {@code targetTotal} (+-10%) in total media
   * cost; {@code fees} is total / media cost. {@code version} > 0 is a later, restated count of the
   * same day.
   */
  Delivery delivery(String entityId, LocalDate day, int version, double targetTotal, double fees) {
    Random r = random(entityId + "|" + day);
    double total = targetTotal * (0.9 + 0.2 * r.nextDouble()) * (1 + 0.03 * version);
    double cpm = 1.5 + r.nextDouble() * 7.5;
    double ctr = 0.002 + r.nextDouble() * 0.01;
    double conversionRate = 0.02 + r.nextDouble() * 0.08;
    BigDecimal totalCost = money(total);
    BigDecimal media = totalCost.divide(BigDecimal.valueOf(fees), 2, RoundingMode.HALF_UP);
    long impressions = Math.max(1, Math.round(media.doubleValue() / cpm * 1000));
    long clicks = Math.round(impressions * ctr);
    BigDecimal revenue =
        totalCost.multiply(BigDecimal.valueOf(1.30)).setScale(2, RoundingMode.HALF_UP);
    return new Delivery(
        impressions,
        clicks,
        BigDecimal.valueOf(clicks * conversionRate).setScale(2, RoundingMode.HALF_UP),
        media,
        totalCost,
        revenue);
  }

  Random random(String key) {
    return new Random(seed * 31 + (org.id().value() + "|" + key).hashCode());
  }

  static Entity find(List<Entity> entities, String id) {
    return entities.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
  }

  private static boolean inFlight(LocalDate[] flight, LocalDate day) {
    return !day.isBefore(flight[0]) && !day.isAfter(flight[1]);
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

package io.adlake.jobs.sample;

import static io.adlake.platforms.gam.GamReportField.AD_EXCHANGE_REVENUE;
import static io.adlake.platforms.gam.GamReportField.AD_UNIT_ID;
import static io.adlake.platforms.gam.GamReportField.AD_UNIT_NAME;
import static io.adlake.platforms.gam.GamReportField.BUYER_ID;
import static io.adlake.platforms.gam.GamReportField.BUYER_NAME;
import static io.adlake.platforms.gam.GamReportField.DATE;
import static io.adlake.platforms.gam.GamReportField.DEAL_ID;
import static io.adlake.platforms.gam.GamReportField.DEAL_NAME;
import static io.adlake.platforms.gam.GamReportField.TOTAL_IMPRESSIONS;
import static io.adlake.platforms.gam.GamReportField.TOTAL_REVENUE;
import static java.util.stream.Collectors.joining;

import io.adlake.catalog.landing.LandingStore;
import io.adlake.catalog.landing.LandingStores;
import io.adlake.catalog.landing.SliceKey;
import io.adlake.model.Source;
import io.adlake.model.Ssp;
import io.adlake.model.org.Org;
import io.adlake.model.org.OrgRegistry;
import io.adlake.model.org.SourceOptions;
import io.adlake.platforms.dv360.Dv360ReportColumn;
import io.adlake.platforms.gam.GamReportField;
import io.adlake.platforms.meta.MetaAdSetField;
import io.adlake.platforms.meta.MetaInsightsField;
import io.adlake.platforms.monetize.MonetizeReportColumn;
import io.adlake.platforms.ttd.TtdReportColumn;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Writes sample exports in each platform's real layout into a landing zone, as {@code
 * <org>/<source>/<yyyy-mm-dd>/<file>}. Deterministic by seed. What each delivery date holds mirrors
 * how the platforms send data:
 *
 * <ul>
 *   <li>DV360: yesterday, plus the day before again with higher counts (late data, a restated day),
 *       then the totals row and report metadata footer;
 *   <li>The Trade Desk: yesterday, in the org's locale (e.g. {@code dd/MM/yyyy}, decimal comma,
 *       semicolons);
 *   <li>Meta: yesterday at ad level as JSON lines, counts as strings, zero metrics left out;
 *   <li>Google Ad Manager (orgs that enable it): CSV_DUMP of the day before yesterday again and
 *       yesterday, money in micros, one line in pounds; the DV360 report is broken down by
 *       inventory source, so both sides name the deal;
 *   <li>Microsoft Monetize (orgs that enable it): yesterday in decimal units, integer deal ids,
 *       bought by TTD ad groups whose export has the deal column;
 *   <li>bookings (Salesforce) and setup (DV360 SDF, TTD ad groups, Meta ad sets from the APIs):
 *       full snapshots;
 *   <li>FX: the ECB's daily fixing, none on weekends.
 * </ul>
 *
 * With faults on, most files carry one line a reader must quarantine: a bad number, a wrong column
 * count, an impossible date, an unknown currency or broken JSON; in the SSP reports amounts in
 * units where micros belong, a currency symbol no currency has, or a buyer id with a letter in it.
 */
public final class SampleExports {

  public record Settings(LocalDate start, int days, long seed, boolean faults) {}

  /** The columns of a DV360 delivery report, in the report's order. */
  private static final List<Dv360ReportColumn> DV360_REPORT =
      List.of(
          Dv360ReportColumn.DATE,
          Dv360ReportColumn.ADVERTISER_NAME,
          Dv360ReportColumn.ADVERTISER_ID,
          Dv360ReportColumn.ADVERTISER_CURRENCY,
          Dv360ReportColumn.INSERTION_ORDER_NAME,
          Dv360ReportColumn.INSERTION_ORDER_ID,
          Dv360ReportColumn.LINE_ITEM_NAME,
          Dv360ReportColumn.LINE_ITEM_ID,
          Dv360ReportColumn.IMPRESSIONS,
          Dv360ReportColumn.CLICKS,
          Dv360ReportColumn.TOTAL_CONVERSIONS,
          Dv360ReportColumn.REVENUE,
          Dv360ReportColumn.MEDIA_COST,
          Dv360ReportColumn.TOTAL_MEDIA_COST);

  /** Their headers; the benchmark writes the same ones. */
  public static final List<String> DV360_COLUMNS =
      DV360_REPORT.stream().map(Dv360ReportColumn::header).toList();

  /**
   * The line of such a report's footer that names what it is grouped by, its dimensions; the
   * benchmark's footer has it too.
   */
  public static final String DV360_GROUP_BY =
      DV360_REPORT.stream()
          .filter(c -> c.kind() == Dv360ReportColumn.Kind.DIMENSION)
          .map(Dv360ReportColumn::header)
          .collect(joining(",", "Group By:,", ""));

  /**
   * The columns of a TTD MyReports delivery export; the conversion column is named after the
   * campaign's first conversion reporting column, as MyReports does. The benchmark writes the same
   * ones.
   */
  public static final List<String> TTD_COLUMNS =
      List.of(
          TtdReportColumn.DATE.header(),
          TtdReportColumn.ADVERTISER_NAME.header(),
          TtdReportColumn.ADVERTISER_ID.header(),
          TtdReportColumn.CAMPAIGN_NAME.header(),
          TtdReportColumn.CAMPAIGN_ID.header(),
          TtdReportColumn.AD_GROUP_NAME.header(),
          TtdReportColumn.AD_GROUP_ID.header(),
          TtdReportColumn.IMPRESSIONS.header(),
          TtdReportColumn.CLICKS.header(),
          TtdReportColumn.conversionsOf("01"),
          TtdReportColumn.ADVERTISER_COST.header(),
          TtdReportColumn.PARTNER_COST.header(),
          TtdReportColumn.MEDIA_COST.header(),
          TtdReportColumn.ADVERTISER_CURRENCY_CODE.header());

  private static final DateTimeFormatter DV360_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");
  private static final DateTimeFormatter SDF_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
  private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;

  private final OrgRegistry orgs;
  private final LandingStore store;
  private final String root;
  private final Settings settings;
  private final Map<String, SampleWorld> worlds = new LinkedHashMap<>();

  public SampleExports(OrgRegistry orgs, LandingStore store, String root, Settings settings) {
    this.orgs = orgs;
    this.store = store;
    this.root = root;
    this.settings = settings;
    for (Org org : orgs.orgs()) {
      worlds.put(
          org.id().value(),
          new SampleWorld(org, settings.seed(), settings.start(), settings.days()));
    }
  }

  /** Writes every delivery date of the range; returns the number of files written. */
  public int writeAll() throws IOException {
    int files = 0;
    for (int d = 0; d < settings.days(); d++) {
      files += writeDeliveries(settings.start().plusDays(d));
    }
    return files;
  }

  public int writeDeliveries(LocalDate deliveryDate) throws IOException {
    int files = 0;
    for (Org org : orgs.orgs()) {
      SampleWorld world = worlds.get(org.id().value());
      for (Source source : Source.values()) {
        if (org.enabled(source)) {
          files += write(world, source, deliveryDate, 0);
        }
      }
    }
    return files;
  }

  /**
   * Delivers one DV360 slice again with corrected (higher) counts, as a platform does when it
   * restates a report.
   */
  public SliceKey restateDv360(Org org, LocalDate deliveryDate) throws IOException {
    write(worlds.get(org.id().value()), Source.DV360, deliveryDate, 1);
    return new SliceKey(org.id(), Source.DV360, deliveryDate);
  }

  private int write(SampleWorld w, Source source, LocalDate delivery, int version)
      throws IOException {
    Random faults = w.random("faults|" + source.id() + "|" + delivery);
    int fault = settings.faults() ? faults.nextInt(5) : -1;
    String dir =
        LandingStores.join(root, new SliceKey(w.org.id(), source, delivery).relativePath());
    String org = w.org.id().value();
    switch (source) {
      case DV360 ->
          put(
              dir,
              "dv360_report_" + org + "_" + delivery.format(COMPACT) + ".csv",
              dv360(w, delivery, version, fault));
      case TTD ->
          put(
              dir,
              "MyReports_Delivery_" + org + "_" + delivery.format(COMPACT) + ".csv",
              ttd(w, delivery, fault));
      case META ->
          put(
              dir,
              "insights_" + org + "_" + delivery.format(COMPACT) + ".jsonl",
              meta(w, delivery, fault));
      case GAM ->
          put(
              dir,
              "gam_report_" + org + "_" + delivery.format(COMPACT) + ".csv",
              gam(w, delivery, fault));
      case MONETIZE ->
          put(
              dir,
              "monetize_network_publisher_analytics_"
                  + org
                  + "_"
                  + delivery.format(COMPACT)
                  + ".csv",
              monetize(w, delivery, fault));
      case BOOKINGS ->
          put(
              dir,
              "OpportunityLineItem_export_" + delivery.format(COMPACT) + ".csv",
              bookings(w, fault));
      case SETUP -> {
        put(dir, "SDF-InsertionOrders.csv", sdfInsertionOrders(w));
        put(dir, "SDF-LineItems.csv", sdfLineItems(w, fault));
        put(dir, "ttd_adgroups_" + org + ".jsonl", ttdAdGroups(w));
        put(dir, "meta_adsets_" + org + ".jsonl", metaAdSets(w));
        return 4;
      }
      case FX -> {
        if (delivery.getDayOfWeek() == DayOfWeek.SATURDAY
            || delivery.getDayOfWeek() == DayOfWeek.SUNDAY) {
          return 0;
        }
        // The first delivery carries two weeks of history, as a newly set up rate feed does.
        put(
            dir,
            "eurofxref-" + delivery + ".csv",
            fx(delivery, delivery.equals(settings.start()) ? 14 : 0));
      }
    }
    return 1;
  }

  private void put(String dir, String name, String content) throws IOException {
    store.write(LandingStores.join(dir, name), content.getBytes(StandardCharsets.UTF_8));
  }

  private String dv360(SampleWorld w, LocalDate delivery, int version, int fault) {
    StringBuilder out = new StringBuilder();
    // Broken down by inventory source, as a report must be to show the deals a line item bought
    // through.
    out.append(String.join(",", DV360_COLUMNS))
        .append(',')
        .append(Dv360ReportColumn.INVENTORY_SOURCE_NAME.header())
        .append(',')
        .append(Dv360ReportColumn.INVENTORY_SOURCE_EXTERNAL_ID.header())
        .append('\n');
    long impressions = 0;
    long clicks = 0;
    int row = 0;
    for (LocalDate day : List.of(delivery.minusDays(2), delivery.minusDays(1))) {
      int dayVersion = day.equals(delivery.minusDays(2)) ? version + 1 : version;
      for (SampleWorld.Entity li : w.lineItems) {
        double target = w.dv360Target(li, day);
        if (target == 0) {
          continue;
        }
        SampleWorld.Entity io = SampleWorld.find(w.insertionOrders, li.parentId());
        SampleWorld.Entity adv = SampleWorld.find(w.dv360Advertisers, io.parentId());
        SampleWorld.Delivery d = w.delivery(li.id(), day, dayVersion, target, SampleWorld.FEES);
        impressions += d.impressions();
        clicks += d.clicks();
        String date = day.format(DV360_DATE);
        String currency = adv.currency();
        String imps = String.valueOf(d.impressions());
        row++;
        if (row == 3) {
          switch (fault) {
            case 0 ->
                imps = imps.substring(0, 2) + "O" + imps.substring(3); // letter O typed for a zero
            case 1 -> date = day.getYear() + "/13/" + day.getDayOfMonth(); // no 13th month
            case 2 -> currency = "EUX";
            default -> {}
          }
        }
        String line =
            String.join(
                ",",
                date,
                csv(adv.name()),
                adv.id(),
                currency,
                csv(io.name()),
                io.id(),
                csv(li.name()),
                li.id(),
                imps,
                String.valueOf(d.clicks()),
                d.conversions().toPlainString(),
                d.revenue().toPlainString(),
                d.mediaCost().toPlainString(),
                d.totalMediaCost().toPlainString(),
                w.dealOf(li.id()).map(deal -> csv(deal.name())).orElse(""),
                w.dealOf(li.id()).map(SampleWorld.Deal::id).orElse(""));
        if (row == 3 && fault == 3) {
          line = line.substring(0, line.lastIndexOf(',')); // a cell lost in transfer
        }
        out.append(line).append('\n');
      }
    }
    out.append(",,,,,,,,").append(impressions).append(',').append(clicks).append(",,,,,,\n");
    out.append('\n');
    out.append("Report Time:,").append(delivery.format(DV360_DATE)).append(" 06:12:43 UTC\n");
    out.append("Date Range:,")
        .append(delivery.minusDays(2).format(DV360_DATE))
        .append(" to ")
        .append(delivery.minusDays(1).format(DV360_DATE))
        .append('\n');
    // The rest of a real footer: the MRC note has no colon, the billing note is one quoted cell.
    out.append(DV360_GROUP_BY).append('\n');
    out.append(
        "MRC Accredited Metrics,\"Active View metrics are accredited only when Measurement Source = Measured or Viewable Impressions (Active View) is used.\"\n");
    out.append(
        "\"Reporting numbers from the previous month are finalized for billing on the fourth of every month.\"\n");
    out.append("Filter by Advertiser ID:,\"").append(w.dv360Advertisers.get(0).id()).append("\"\n");
    return out.toString();
  }

  private String ttd(SampleWorld w, LocalDate delivery, int fault) {
    SourceOptions options = w.org.options(Source.TTD);
    boolean comma = options.decimalChar() == ',';
    String sep = comma ? ";" : ",";
    DateTimeFormatter dates =
        DateTimeFormatter.ofPattern(
            options.dateFormat() == null ? "yyyy-MM-dd" : options.dateFormat());
    StringBuilder out = new StringBuilder();
    out.append(String.join(sep, TTD_COLUMNS))
        .append(sep)
        .append(TtdReportColumn.DEAL_ID.header())
        .append('\n');
    LocalDate day = delivery.minusDays(1);
    int row = 0;
    for (SampleWorld.Entity group : w.adGroups) {
      SampleWorld.Entity campaign = SampleWorld.find(w.ttdCampaigns, group.parentId());
      double target = w.campaignTarget(campaign, day, 2);
      if (target == 0) {
        continue;
      }
      SampleWorld.Delivery d = w.delivery(group.id(), day, 0, target, SampleWorld.FEES);
      row++;
      String cost = number(d.mediaCost(), comma);
      if (row == 2 && fault == 0) {
        cost = comma ? "12,34,5" : "12.34.5";
      }
      out.append(
              String.join(
                  sep,
                  day.format(dates),
                  w.ttdAdvertiser.name(),
                  w.ttdAdvertiser.id(),
                  campaign.name(),
                  campaign.id(),
                  group.name(),
                  group.id(),
                  grouped(d.impressions(), comma),
                  String.valueOf(d.clicks()),
                  number(d.conversions(), comma),
                  number(d.revenue(), comma),
                  number(d.totalMediaCost(), comma),
                  cost,
                  "USD",
                  w.dealOf(group.id()).map(SampleWorld.Deal::id).orElse("")))
          .append('\n');
    }
    return out.toString();
  }

  private String meta(SampleWorld w, LocalDate delivery, int fault) {
    StringBuilder out = new StringBuilder();
    String day = delivery.minusDays(1).toString();
    int row = 0;
    for (SampleWorld.Entity ad : w.ads) {
      SampleWorld.Entity set = SampleWorld.find(w.adSets, ad.parentId());
      SampleWorld.Entity campaign = SampleWorld.find(w.metaCampaigns, set.parentId());
      double target = w.campaignTarget(campaign, delivery.minusDays(1), 4);
      if (target == 0) {
        continue;
      }
      SampleWorld.Delivery d = w.delivery(ad.id(), delivery.minusDays(1), 0, target, 1.0);
      row++;
      long purchases = d.conversions().setScale(0, RoundingMode.HALF_UP).longValue();
      JsonLine json =
          new JsonLine()
              .text(MetaInsightsField.ACCOUNT_ID.fieldName(), w.metaAccount.id())
              .text(MetaInsightsField.ACCOUNT_NAME.fieldName(), w.metaAccount.name())
              .text(MetaInsightsField.ACCOUNT_CURRENCY.fieldName(), w.metaAccount.currency())
              .text(MetaInsightsField.CAMPAIGN_ID.fieldName(), campaign.id())
              .text(MetaInsightsField.CAMPAIGN_NAME.fieldName(), campaign.name())
              .text(MetaInsightsField.ADSET_ID.fieldName(), set.id())
              .text(MetaInsightsField.ADSET_NAME.fieldName(), set.name())
              .text(MetaInsightsField.AD_ID.fieldName(), ad.id())
              .text(MetaInsightsField.AD_NAME.fieldName(), ad.name())
              .text(MetaInsightsField.DATE_START.fieldName(), day)
              .text(MetaInsightsField.DATE_STOP.fieldName(), day)
              .text(MetaInsightsField.IMPRESSIONS.fieldName(), d.impressions());
      if (d.clicks() > 0) {
        json.text(MetaInsightsField.CLICKS.fieldName(), d.clicks());
      }
      StringBuilder actions =
          new StringBuilder("[{\"action_type\":\"link_click\",\"value\":\"")
              .append(d.clicks())
              .append("\"}");
      if (purchases > 0) {
        // one pixel purchase, as Meta reports it: under its own type, the web and omni-channel
        // types and the roll-up
        for (String type :
            List.of(
                "offsite_conversion.fb_pixel_purchase",
                "onsite_web_purchase",
                "omni_purchase",
                "purchase")) {
          actions
              .append(",{\"action_type\":\"")
              .append(type)
              .append("\",\"value\":\"")
              .append(purchases)
              .append("\"}");
        }
      }
      json.text(MetaInsightsField.SPEND.fieldName(), d.mediaCost().toPlainString())
          .member(MetaInsightsField.ACTIONS.fieldName(), actions.append(']').toString());
      String line = json.toString();
      if (row == 4 && fault == 4) {
        line = line.substring(0, line.length() / 2); // a line cut off mid-object
      }
      out.append(line).append('\n');
    }
    return out.toString();
  }

  /**
   * Ad Manager CSV_DUMP at ad unit x deal x deal buyer x day: the day before yesterday again (Ad
   * Manager's numbers settle over days) and yesterday; each deal's gross revenue is its deal's
   * factor times the DSP's media cost, split over two ad units, plus open-auction lines without a
   * deal. One open-auction line of a UK ad unit is in pounds (a local-currency amount: a symbol, a
   * space, micros).
   */
  private String gam(SampleWorld w, LocalDate delivery, int fault) {
    // Not the query's order: the reader finds columns by header.
    List<GamReportField> columns =
        List.of(
            DATE,
            AD_UNIT_NAME,
            DEAL_NAME,
            BUYER_NAME,
            AD_UNIT_ID,
            DEAL_ID,
            BUYER_ID,
            TOTAL_IMPRESSIONS,
            TOTAL_REVENUE,
            AD_EXCHANGE_REVENUE);
    StringBuilder out =
        new StringBuilder(String.join(",", columns.stream().map(GamReportField::header).toList()))
            .append('\n');
    String[][] units = {
      {"21700" + w.code.length() + "481", w.code + "_Homepage_Top"},
      {"21700" + w.code.length() + "517", w.code + "_Article_Mid"}
    };
    int row = 0;
    for (LocalDate day : List.of(delivery.minusDays(2), delivery.minusDays(1))) {
      int dspVersion = day.equals(delivery.minusDays(2)) ? 1 : 0;
      for (SampleWorld.Deal deal : w.deals) {
        if (deal.ssp() != Ssp.GAM || (deal.buyerEntityId() != null && deal.sspFactor() == 0)) {
          continue;
        }
        BigDecimal gross;
        long impressions;
        if (deal.buyerEntityId() == null) {
          Random r = w.random("deal|" + deal.id() + "|" + day);
          gross = BigDecimal.valueOf(250 + r.nextInt(200));
          impressions = 40_000 + r.nextInt(20_000);
        } else {
          SampleWorld.Entity li = SampleWorld.find(w.lineItems, deal.buyerEntityId());
          double target = w.dv360Target(li, day);
          if (target == 0) {
            continue;
          }
          SampleWorld.Delivery d = w.delivery(li.id(), day, dspVersion, target, SampleWorld.FEES);
          gross = d.mediaCost().multiply(BigDecimal.valueOf(deal.sspFactor()));
          impressions =
              Math.round(
                  d.impressions()
                      * (0.985 + 0.02 * w.random("imps|" + deal.id() + "|" + day).nextDouble()));
        }
        // A deal serves on both ad units: 60 % and the rest, so the rows add up to the deal's day
        // exactly.
        long gross0 = micros(gross.multiply(new BigDecimal("0.6")));
        long[] grossByUnit = {gross0, micros(gross) - gross0};
        long[] impsByUnit = {
          Math.round(impressions * 0.6), impressions - Math.round(impressions * 0.6)
        };
        for (int u = 0; u < units.length; u++) {
          out.append(
                  String.join(
                      ",",
                      day.toString(),
                      units[u][1],
                      csv(deal.name()),
                      csv(deal.buyerName()),
                      units[u][0],
                      deal.id(),
                      deal.buyerId(),
                      String.valueOf(impsByUnit[u]),
                      String.valueOf(grossByUnit[u]),
                      String.valueOf(grossByUnit[u] * 85 / 100)))
              .append('\n');
        }
      }
      Random r = w.random("open|" + day);
      for (String[] unit : units) {
        long gross = micros(BigDecimal.valueOf(120 + r.nextInt(80)));
        String money = String.valueOf(gross);
        // The faults hit an open-auction line, so the demo's deals reconcile on whole days.
        row++;
        switch (row == 1 ? fault : -1) {
          case 0 ->
              money = gross / 1_000_000 + "." + (gross % 1_000_000 / 10_000); // units, not micros
          case 1 -> money = "ƒ " + money; // a symbol no single currency has
          default -> {}
        }
        String line =
            String.join(
                ",",
                day.toString(),
                unit[1],
                "",
                "",
                unit[0],
                "",
                "",
                String.valueOf(30_000 + r.nextInt(9_000)),
                money,
                String.valueOf(gross * 80 / 100));
        if (row == 1 && fault == 2) {
          line = line.substring(0, line.lastIndexOf(','));
        }
        out.append(line).append('\n');
      }
      // Sold through a UK ad unit priced in pounds: Ad Manager writes local-currency money as
      // symbol, space, micros.
      long pounds = micros(BigDecimal.valueOf(40 + r.nextInt(30)));
      out.append(
              String.join(
                  ",",
                  day.toString(),
                  w.code + "_UK_Edition",
                  "",
                  "",
                  "21700" + w.code.length() + "902",
                  "",
                  "",
                  String.valueOf(9_000 + r.nextInt(2_000)),
                  "£ " + pounds,
                  "£ " + pounds * 80 / 100))
          .append('\n');
    }
    return out.toString();
  }

  /**
   * Monetize network publisher analytics, day x placement x deal x buying member: impressions
   * ({@code imps_total}), the network's revenue and the publisher's in decimal units in USD, and
   * the publisher's in its own currency; yesterday only. Deal ids are integers.
   */
  private String monetize(SampleWorld w, LocalDate delivery, int fault) {
    StringBuilder out =
        new StringBuilder(
            String.join(
                    ",",
                    Stream.of(
                            MonetizeReportColumn.DAY,
                            MonetizeReportColumn.PUBLISHER_ID,
                            MonetizeReportColumn.PLACEMENT_ID,
                            MonetizeReportColumn.PLACEMENT_NAME,
                            MonetizeReportColumn.DEAL_ID,
                            MonetizeReportColumn.DEAL_NAME,
                            MonetizeReportColumn.BUYER_MEMBER_ID,
                            MonetizeReportColumn.BUYER_MEMBER_NAME,
                            MonetizeReportColumn.IMPS_TOTAL,
                            MonetizeReportColumn.NETWORK_REVENUE,
                            MonetizeReportColumn.PUBLISHER_REVENUE,
                            MonetizeReportColumn.PUBLISHER_CURRENCY,
                            MonetizeReportColumn.PUBLISHER_REVENUE_PUB_CURR)
                        .map(MonetizeReportColumn::header)
                        .toList())
                + "\n");
    LocalDate day = delivery.minusDays(1);
    String publisher = String.valueOf(1_200_000 + w.code.hashCode() % 1000 + 1000);
    String[][] placements = {
      {"9" + publisher.substring(1, 6) + "1", w.code + " ROS 300x250"},
      {"9" + publisher.substring(1, 6) + "2", w.code + " Video Preroll"}
    };
    int row = 0;
    for (SampleWorld.Deal deal : w.deals) {
      if (deal.ssp() != Ssp.MONETIZE) {
        continue;
      }
      BigDecimal gross;
      long impressions;
      if (deal.buyerEntityId() == null) {
        Random r = w.random("deal|" + deal.id() + "|" + day);
        gross = BigDecimal.valueOf(180 + r.nextInt(150));
        impressions = 25_000 + r.nextInt(10_000);
      } else {
        SampleWorld.Entity group = SampleWorld.find(w.adGroups, deal.buyerEntityId());
        double target =
            w.campaignTarget(SampleWorld.find(w.ttdCampaigns, group.parentId()), day, 2);
        if (target == 0) {
          continue;
        }
        SampleWorld.Delivery d = w.delivery(group.id(), day, 0, target, SampleWorld.FEES);
        gross = d.mediaCost().multiply(BigDecimal.valueOf(deal.sspFactor()));
        impressions =
            Math.round(
                d.impressions()
                    * (0.99 + 0.02 * w.random("imps|" + deal.id() + "|" + day).nextDouble()));
      }
      BigDecimal first = gross.multiply(new BigDecimal("0.5")).setScale(2, RoundingMode.HALF_UP);
      BigDecimal[] grossBy = {first, gross.setScale(2, RoundingMode.HALF_UP).subtract(first)};
      long[] impsBy = {impressions / 2, impressions - impressions / 2};
      for (int p = 0; p < placements.length; p++) {
        BigDecimal net =
            grossBy[p].multiply(new BigDecimal("0.82")).setScale(2, RoundingMode.HALF_UP);
        out.append(
                String.join(
                    ",",
                    day.toString(),
                    publisher,
                    placements[p][0],
                    csv(placements[p][1]),
                    deal.id(),
                    csv(deal.name()),
                    deal.buyerId(),
                    csv(deal.buyerName()),
                    String.valueOf(impsBy[p]),
                    grossBy[p].toPlainString(),
                    net.toPlainString(),
                    "USD",
                    net.toPlainString()))
            .append('\n');
      }
    }
    Random r = w.random("open|monetize|" + day);
    for (String[] placement : placements) {
      BigDecimal gross =
          BigDecimal.valueOf(90 + r.nextInt(60)).add(BigDecimal.valueOf(r.nextInt(100), 2));
      BigDecimal net = gross.multiply(new BigDecimal("0.82")).setScale(2, RoundingMode.HALF_UP);
      // Faults on the first open-auction line: a seat id with a letter in it, a cell too many.
      row++;
      String buyer = row == 1 && fault == 0 ? "18x3" : "";
      String line =
          String.join(
              ",",
              day.toString(),
              publisher,
              placement[0],
              csv(placement[1]),
              "",
              "",
              buyer,
              "",
              String.valueOf(20_000 + r.nextInt(5_000)),
              gross.toPlainString(),
              net.toPlainString(),
              "USD",
              net.toPlainString());
      out.append(row == 1 && fault == 1 ? line + "," : line).append('\n');
    }
    return out.toString();
  }

  private static long micros(BigDecimal units) {
    return units.movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  private String bookings(SampleWorld w, int fault) {
    StringBuilder out =
        new StringBuilder(
            "Id,OpportunityId,Opportunity.Name,Opportunity.Account.Name,Platform__c,Platform_Entity_Id__c,Flight_Start__c,"
                + "Flight_End__c,Booked_Budget__c,Sold_Rate__c,Buy_Type__c,CurrencyIsoCode\n");
    Random r = w.random("bookings");
    String opportunity = "006" + sfId(r);
    List<String[]> lines = new ArrayList<>();
    for (SampleWorld.Entity io : w.insertionOrders) {
      if (w.unbooked.contains(io.id())) {
        continue; // its spend has no booking behind it
      }
      SampleWorld.Entity adv = SampleWorld.find(w.dv360Advertisers, io.parentId());
      lines.add(
          new String[] {
            adv.name(),
            "DV360",
            io.id(),
            io.start().toString(),
            io.end().toString(),
            io.budget().toPlainString(),
            "12.50",
            "CPM",
            io.currency()
          });
    }
    for (SampleWorld.Entity c : w.ttdCampaigns) {
      lines.add(
          new String[] {
            w.ttdAdvertiser.name(),
            "The Trade Desk",
            c.id(),
            c.start().toString(),
            c.end().toString(),
            c.budget().toPlainString(),
            "1.80",
            "CPC",
            "USD"
          });
    }
    for (SampleWorld.Entity c : w.metaCampaigns) {
      // The second Meta campaign was sold 20% above what its ad sets may spend.
      BigDecimal booked =
          c == w.metaCampaigns.get(1)
              ? c.budget().multiply(new BigDecimal("1.2")).setScale(2, RoundingMode.HALF_UP)
              : c.budget();
      lines.add(
          new String[] {
            w.metaAccount.name(),
            "Meta",
            c.id(),
            c.start().toString(),
            c.end().toString(),
            booked.toPlainString(),
            "",
            "Flat",
            c.currency()
          });
    }
    int row = 0;
    for (String[] l : lines) {
      row++;
      String buyType = row == 2 && fault == 1 ? "CPA" : l[7];
      out.append(
              String.join(
                  ",",
                  "00k" + sfId(r),
                  opportunity,
                  csv(w.code + " Q4 Always-On"),
                  csv(l[0]),
                  l[1],
                  l[2],
                  l[3],
                  l[4],
                  l[5],
                  l[6],
                  buyType,
                  l[8]))
          .append('\n');
    }
    return out.toString();
  }

  private String sdfInsertionOrders(SampleWorld w) {
    StringBuilder out =
        new StringBuilder(
            "Io Id,Campaign Id,Advertiser Id,Name,Timestamp,Status,Io Type,Pacing,Pacing Rate,Pacing Amount,Frequency Enabled,"
                + "Frequency Exposures,Frequency Period,Frequency Amount,Budget Type,Budget Segments\n");
    for (SampleWorld.Entity io : w.insertionOrders) {
      LocalDate mid = io.start().plusDays(SampleWorld.FIRST_SEGMENT_DAYS - 1);
      BigDecimal first =
          io.budget().multiply(SampleWorld.FIRST_SEGMENT_SHARE).setScale(2, RoundingMode.HALF_UP);
      String segments =
          "("
              + first.toPlainString()
              + "; "
              + io.start().format(SDF_DATE)
              + "; "
              + mid.format(SDF_DATE)
              + "; ; First half;);"
              + "("
              + io.budget().subtract(first).toPlainString()
              + "; "
              + mid.plusDays(1).format(SDF_DATE)
              + "; "
              + io.end().format(SDF_DATE)
              + "; ; Second half;)";
      boolean asap = w.asap.contains(io.id());
      out.append(
              String.join(
                  ",",
                  io.id(),
                  "5" + io.id().substring(1),
                  io.parentId(),
                  csv(io.name()),
                  "2026-11-01T00:00:00.000Z",
                  "Active",
                  "Standard",
                  "Flight",
                  asap ? "ASAP" : "Even",
                  "",
                  "TRUE",
                  "3",
                  "Days",
                  "1",
                  "Amount",
                  csv(segments)))
          .append('\n');
    }
    return out.toString();
  }

  private String sdfLineItems(SampleWorld w, int fault) {
    StringBuilder out =
        new StringBuilder(
            "Line Item Id,Io Id,Type,Name,Timestamp,Status,Start Date,End Date,Budget Type,Budget Amount,Pacing,Pacing Rate,"
                + "Pacing Amount,Frequency Enabled,Frequency Exposures,Frequency Period,Frequency Amount\n");
    int i = 0;
    for (SampleWorld.Entity li : w.lineItems) {
      String start =
          li.start() == null ? "Same as Insertion Order" : li.start().format(SDF_DATE) + " 00:00";
      String end =
          li.end() == null ? "Same as Insertion Order" : li.end().format(SDF_DATE) + " 23:59";
      boolean noCap = i == 1; // one line item runs without a frequency cap
      if (i == 2 && fault == 2) {
        end = "11/31/2026 23:59"; // no 31st of November
      }
      i++;
      out.append(
              String.join(
                  ",",
                  li.id(),
                  li.parentId(),
                  "Display",
                  csv(li.name()),
                  "2026-11-01T00:00:00.000Z",
                  "Active",
                  start,
                  end,
                  "Amount",
                  li.budget().toPlainString(),
                  "Daily",
                  "Even",
                  li.budget()
                      .divide(BigDecimal.valueOf(30), 2, RoundingMode.HALF_UP)
                      .toPlainString(),
                  noCap ? "FALSE" : "TRUE",
                  noCap ? "" : "5",
                  noCap ? "" : "Weeks",
                  noCap ? "" : "1"))
          .append('\n');
    }
    return out.toString();
  }

  /**
   * TTD API ad groups: budget as a money object; of the first campaign's, one has a zero budget and
   * one a budget far below its spend and no daily budget.
   */
  private String ttdAdGroups(SampleWorld w) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    for (SampleWorld.Entity group : w.adGroups) {
      SampleWorld.Entity campaign = SampleWorld.find(w.ttdCampaigns, group.parentId());
      BigDecimal budget = campaign.budget().divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
      if (i == 0) {
        budget = BigDecimal.ZERO; // a budget left at zero
      } else if (i == 1) {
        budget = new BigDecimal("150.00"); // far below what it spends
      }
      String daily =
          i == 1
              ? "null"
              : "{\"Amount\":"
                  + budget.divide(BigDecimal.valueOf(30), 2, RoundingMode.HALF_UP).toPlainString()
                  + ",\"CurrencyCode\":\"USD\"}";
      out.append("{\"AdGroupId\":\"")
          .append(group.id())
          .append("\",\"AdGroupName\":\"")
          .append(group.name())
          .append("\",\"CampaignId\":\"")
          .append(campaign.id())
          .append("\",\"IsEnabled\":")
          .append(i != 3)
          .append(
              ",\"Availability\":\"Available\",\"RTBAttributes\":{\"BudgetSettings\":{\"Budget\":{\"Amount\":")
          .append(budget.toPlainString())
          .append(",\"CurrencyCode\":\"USD\"},\"DailyBudget\":")
          .append(daily)
          .append(",\"PacingMode\":\"")
          .append(i == 0 ? "PaceAhead" : "PaceEvenly")
          .append("\"}},\"BudgetingVersion\":\"Solimar\"}\n");
      i++;
    }
    return out.toString();
  }

  /**
   * Meta Marketing API ad sets: lifetime budgets in Meta's units (offset 100 for EUR and GBP), one
   * ad set without a frequency cap.
   */
  private String metaAdSets(SampleWorld w) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    for (SampleWorld.Entity set : w.adSets) {
      SampleWorld.Entity campaign = SampleWorld.find(w.metaCampaigns, set.parentId());
      long minor =
          campaign
              .budget()
              .divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP)
              .movePointRight(2)
              .longValueExact();
      JsonLine json =
          new JsonLine()
              .text(MetaAdSetField.ID.fieldName(), set.id())
              .text(MetaAdSetField.NAME.fieldName(), set.name())
              .text(MetaAdSetField.CAMPAIGN_ID.fieldName(), campaign.id())
              .text(MetaAdSetField.ACCOUNT_ID.fieldName(), w.metaAccount.id())
              .text(MetaAdSetField.ACCOUNT_CURRENCY.fieldName(), w.metaAccount.currency())
              .text(MetaAdSetField.STATUS.fieldName(), "ACTIVE")
              .text(MetaAdSetField.EFFECTIVE_STATUS.fieldName(), "ACTIVE")
              // Meta writes the budget an ad set does not use as "0"
              .text(MetaAdSetField.DAILY_BUDGET.fieldName(), "0")
              .text(MetaAdSetField.LIFETIME_BUDGET.fieldName(), minor)
              .text(MetaAdSetField.START_TIME.fieldName(), campaign.start() + "T00:00:00+0000")
              .text(MetaAdSetField.END_TIME.fieldName(), campaign.end() + "T23:59:59+0000")
              .member(MetaAdSetField.PACING_TYPE.fieldName(), "[\"standard\"]");
      if (i++ != 2) {
        json.member(
            MetaAdSetField.FREQUENCY_CONTROL_SPECS.fieldName(),
            "[{\"event\":\"IMPRESSIONS\",\"interval_days\":7,\"max_frequency\":3}]");
      }
      out.append(json).append('\n');
    }
    return out.toString();
  }

  /**
   * ECB layout: 1 EUR in each currency around realistic levels, newest business day first, a
   * delimiter closing every line.
   */
  private String fx(LocalDate day, int historyDays) {
    String[] currencies = {"USD", "JPY", "GBP", "SEK", "CHF", "AUD"};
    double[] levels = {1.08, 161.2, 0.86, 11.45, 0.94, 1.64};
    StringBuilder out = new StringBuilder("Date,");
    for (String currency : currencies) {
      out.append(currency).append(',');
    }
    out.append('\n');
    for (LocalDate d = day; !d.isBefore(day.minusDays(historyDays)); d = d.minusDays(1)) {
      if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      Random r = new Random(settings.seed() * 17 + d.toEpochDay());
      out.append(d).append(',');
      for (double level : levels) {
        double rate = level * (1 + (r.nextDouble() - 0.5) * 0.01);
        out.append(
                BigDecimal.valueOf(rate)
                    .setScale(level > 100 ? 2 : 4, RoundingMode.HALF_UP)
                    .toPlainString())
            .append(',');
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String csv(String value) {
    return value.contains(",") || value.contains("\"")
        ? "\"" + value.replace("\"", "\"\"") + "\""
        : value;
  }

  private static String number(BigDecimal value, boolean decimalComma) {
    String plain = value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    return decimalComma ? plain.replace('.', ',') : plain;
  }

  /**
   * Thousands grouped the way the locale writes them: 12.345 with a decimal comma, 12,345
   * otherwise.
   */
  private static String grouped(long value, boolean decimalComma) {
    String s = String.format(Locale.US, "%,d", value);
    return decimalComma ? s.replace(',', '.') : "\"" + s + "\"";
  }

  private static String sfId(Random r) {
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      s.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return s.toString();
  }
}

package io.adlake.jobs.bench;

import static io.adlake.platforms.meta.MetaInsightsField.ACCOUNT_CURRENCY;
import static io.adlake.platforms.meta.MetaInsightsField.ACCOUNT_ID;
import static io.adlake.platforms.meta.MetaInsightsField.ACCOUNT_NAME;
import static io.adlake.platforms.meta.MetaInsightsField.ACTIONS;
import static io.adlake.platforms.meta.MetaInsightsField.ADSET_ID;
import static io.adlake.platforms.meta.MetaInsightsField.ADSET_NAME;
import static io.adlake.platforms.meta.MetaInsightsField.AD_ID;
import static io.adlake.platforms.meta.MetaInsightsField.AD_NAME;
import static io.adlake.platforms.meta.MetaInsightsField.CAMPAIGN_ID;
import static io.adlake.platforms.meta.MetaInsightsField.CAMPAIGN_NAME;
import static io.adlake.platforms.meta.MetaInsightsField.CLICKS;
import static io.adlake.platforms.meta.MetaInsightsField.DATE_START;
import static io.adlake.platforms.meta.MetaInsightsField.DATE_STOP;
import static io.adlake.platforms.meta.MetaInsightsField.IMPRESSIONS;
import static io.adlake.platforms.meta.MetaInsightsField.SPEND;

import io.adlake.jobs.sample.JsonLine;
import io.adlake.jobs.sample.SampleExports;
import io.adlake.model.Source;
import io.adlake.model.org.Org;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Delivery exports for the benchmark, in each platform's shape: a DV360 report with its totals row
 * and footer, a TTD MyReports CSV, a Meta Insights JSON-lines export, one of each per org and
 * delivery day, in the landing layout ({@code <org>/<source>/<delivery date>/}). Every line is a
 * new entity, so every line is its own silver row; all amounts are in the org's currency (EUR), so
 * the figures measure the pipeline, not the FX lookup.
 *
 * <p>The CSV columns are {@link SampleExports}'s and the JSON keys those of {@code
 * MetaInsightsField}, all written from the platforms' documentation, so the benchmark and the demo
 * exercise the same readers.
 */
final class BenchmarkExports {
  private BenchmarkExports() {}

  private static final DateTimeFormatter DV360_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

  /** A day's lines per platform: DV360 half, TTD three tenths, Meta the rest. */
  private static final double DV360_SHARE = 0.5;

  private static final double TTD_SHARE = 0.3;

  /** What was written: files, lines of data (footers and totals not counted), bytes. */
  record Written(int files, long lines, long bytes) {
    Written plus(Written other) {
      return new Written(files + other.files, lines + other.lines, bytes + other.bytes);
    }
  }

  /**
   * One delivery day for every org: {@code rows} data lines in all, spread evenly over the orgs.
   */
  static Written writeDay(Path landing, List<Org> orgs, long rows, LocalDate delivery)
      throws IOException {
    long perOrg = Math.max(3, rows / orgs.size());
    long dv360 = Math.max(1, Math.round(perOrg * DV360_SHARE));
    long ttd = Math.max(1, Math.round(perOrg * TTD_SHARE));
    long meta = Math.max(1, perOrg - dv360 - ttd);
    Written all = new Written(0, 0, 0);
    for (Org org : orgs) {
      Random random = new Random(31L * org.id().value().hashCode() + delivery.toEpochDay());
      all = all.plus(dv360(landing, org, delivery, dv360, random));
      all = all.plus(ttd(landing, org, delivery, ttd, random));
      all = all.plus(meta(landing, org, delivery, meta, random));
    }
    return all;
  }

  private static Path file(Path landing, Org org, Source source, LocalDate delivery, String name)
      throws IOException {
    Path dir = landing.resolve(org.id().value()).resolve(source.id()).resolve(delivery.toString());
    Files.createDirectories(dir);
    return dir.resolve(name);
  }

  private static Written dv360(Path landing, Org org, LocalDate delivery, long lines, Random r)
      throws IOException {
    Path file =
        file(
            landing,
            org,
            Source.DV360,
            delivery,
            "dv360_report_" + org.id() + "_" + delivery + ".csv");
    String day = delivery.minusDays(1).format(DV360_DATE);
    long impressions = 0;
    long clicks = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(String.join(",", SampleExports.DV360_COLUMNS) + "\n");
      for (long i = 0; i < lines; i++) {
        Delivery d = Delivery.random(r, 1.12);
        impressions += d.impressions;
        clicks += d.clicks;
        out.write(
            String.format(
                Locale.ROOT,
                "%s,Advertiser %d,%d,EUR,IO %d,%d,Line item %d,%d,%d,%d,%.2f,%.2f,%.2f,%.2f%n",
                day,
                i % 50,
                1000 + i % 50,
                i / 20,
                100_000 + i / 20,
                i,
                10_000_000 + i,
                d.impressions,
                d.clicks,
                d.conversions,
                d.revenue,
                d.media,
                d.total));
      }
      // The totals row and the footer a real DV360 report ends with.
      out.write(",,,,,,,," + impressions + "," + clicks + ",,,,\n\n");
      out.write("Report Time:," + delivery.format(DV360_DATE) + " 06:12:43 UTC\n");
      out.write("Date Range:," + day + " to " + day + "\n");
      out.write(SampleExports.DV360_GROUP_BY + "\n");
      out.write(
          "MRC Accredited Metrics,\"Active View metrics are accredited only when Measurement Source = Measured.\"\n");
    }
    return new Written(1, lines, Files.size(file));
  }

  private static Written ttd(Path landing, Org org, LocalDate delivery, long lines, Random r)
      throws IOException {
    Path file =
        file(
            landing,
            org,
            Source.TTD,
            delivery,
            "MyReports_Delivery_" + org.id() + "_" + delivery + ".csv");
    String day = delivery.minusDays(1).toString();
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(String.join(",", SampleExports.TTD_COLUMNS) + "\n");
      for (long i = 0; i < lines; i++) {
        Delivery d = Delivery.random(r, 1.12);
        out.write(
            String.format(
                Locale.ROOT,
                "%s,Advertiser,adv%d,Campaign %d,c%d,Ad group %d,ag%d,%d,%d,%.2f,%.2f,%.2f,%.2f,EUR%n",
                day,
                i % 20,
                i / 20,
                i / 20,
                i,
                i,
                d.impressions,
                d.clicks,
                d.conversions,
                d.revenue,
                d.total,
                d.media));
      }
    }
    return new Written(1, lines, Files.size(file));
  }

  private static Written meta(Path landing, Org org, LocalDate delivery, long lines, Random r)
      throws IOException {
    Path file =
        file(
            landing,
            org,
            Source.META,
            delivery,
            "insights_" + org.id() + "_" + delivery + ".jsonl");
    String day = delivery.minusDays(1).toString();
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (long i = 0; i < lines; i++) {
        Delivery d = Delivery.random(r, 1.0);
        long purchases = Math.round(d.conversions);
        StringBuilder actions =
            new StringBuilder("[{\"action_type\":\"link_click\",\"value\":\"")
                .append(d.clicks)
                .append("\"}");
        if (purchases > 0) {
          for (String type :
              List.of("offsite_conversion.fb_pixel_purchase", "omni_purchase", "purchase")) {
            actions
                .append(",{\"action_type\":\"")
                .append(type)
                .append("\",\"value\":\"")
                .append(purchases)
                .append("\"}");
          }
        }
        JsonLine json =
            new JsonLine()
                .text(ACCOUNT_ID.fieldName(), "act" + (org.id().value().hashCode() & 0xffff))
                .text(ACCOUNT_NAME.fieldName(), "Social")
                .text(ACCOUNT_CURRENCY.fieldName(), "EUR")
                .text(CAMPAIGN_ID.fieldName(), 2_000_000 + i / 40)
                .text(CAMPAIGN_NAME.fieldName(), "Campaign " + i / 40)
                .text(ADSET_ID.fieldName(), 3_000_000 + i / 4)
                .text(ADSET_NAME.fieldName(), "Ad set " + i / 4)
                .text(AD_ID.fieldName(), 4_000_000 + i)
                .text(AD_NAME.fieldName(), "Ad " + i)
                .text(DATE_START.fieldName(), day)
                .text(DATE_STOP.fieldName(), day)
                .text(IMPRESSIONS.fieldName(), d.impressions)
                .text(CLICKS.fieldName(), d.clicks)
                .text(SPEND.fieldName(), String.format(Locale.ROOT, "%.2f", d.media))
                .member(ACTIONS.fieldName(), actions.append(']').toString());
        out.write(json + "\n");
      }
    }
    return new Written(1, lines, Files.size(file));
  }

  /** One line's figures: total media cost = media cost x fees, revenue 30% above the total. */
  private record Delivery(
      long impressions,
      long clicks,
      double conversions,
      double media,
      double total,
      double revenue) {
    static Delivery random(Random r, double fees) {
      long impressions = 1000 + r.nextInt(50_000);
      double media = impressions / 1000.0 * (1 + r.nextInt(8));
      long clicks = impressions / 200;
      return new Delivery(
          impressions, clicks, impressions / 5000.0, media, media * fees, media * fees * 1.3);
    }
  }
}

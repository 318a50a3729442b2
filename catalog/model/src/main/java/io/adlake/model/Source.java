package io.adlake.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A kind of export that lands for an org every day. Its {@link #id()} is used in paths, tables and
 * the CLI.
 */
public enum Source {
  DV360("dv360", Platform.DV360, "DV360 offline delivery report (CSV)"),
  TTD("ttd", Platform.TTD, "The Trade Desk MyReports delivery export (CSV)"),
  META("meta", Platform.META, "Meta Ads Insights (JSON lines)"),
  GAM("gam", Ssp.GAM, "Google Ad Manager report export, CSV_DUMP (sell side)"),
  MONETIZE(
      "monetize",
      Ssp.MONETIZE,
      "Microsoft Monetize (Xandr) seller analytics report (CSV, sell side)"),
  BOOKINGS("bookings", "Booking/CRM opportunity line items (Salesforce CSV)"),
  SETUP(
      "setup",
      "Campaign setup: DV360 SDF (CSV), The Trade Desk ad groups and Meta ad sets (JSON lines)"),
  FX("fx", "Daily FX reference rates, ECB layout (CSV)");

  private final String id;
  private final Platform platform;
  private final Ssp ssp;
  private final String description;

  Source(String id, String description) {
    this(id, null, null, description);
  }

  Source(String id, Platform platform, String description) {
    this(id, platform, null, description);
  }

  Source(String id, Ssp ssp, String description) {
    this(id, null, ssp, description);
  }

  Source(String id, Platform platform, Ssp ssp, String description) {
    this.id = id;
    this.platform = platform;
    this.ssp = ssp;
    this.description = description;
  }

  public String id() {
    return id;
  }

  /** The DSP whose delivery this is; empty for sell-side ({@link #ssp()}) and reference sources. */
  public Optional<Platform> platform() {
    return Optional.ofNullable(platform);
  }

  /** The sell-side platform whose report this is; empty for buy-side and reference sources. */
  public Optional<Ssp> ssp() {
    return Optional.ofNullable(ssp);
  }

  public String description() {
    return description;
  }

  public static Source fromId(String id) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(s -> s.id.equals(wanted))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("unknown source '" + id + "'; known: " + ids()));
  }

  public static Optional<Source> find(String id) {
    return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
  }

  public static String ids() {
    return Arrays.stream(values()).map(Source::id).collect(Collectors.joining(", "));
  }
}

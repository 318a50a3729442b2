package io.adlake.transforms.silver;

import java.util.List;

/**
 * The column dictionary of unified supply: every SSP's rows are mapped onto these names. {@code
 * ad_unit_id} is Ad Manager's ad unit and Monetize's placement; {@code buyer_id} Ad Manager's deal
 * buyer and Monetize's buying member; {@code deal_id} and {@code buyer_id} are null for
 * open-auction rows.
 */
public final class SupplyColumns {
  private SupplyColumns() {}

  public static final List<String> GRAIN =
      List.of("org_id", "report_date", "ssp", "ad_unit_id", "deal_id", "buyer_id");

  public static final List<String> NAMES = List.of("ad_unit_name", "deal_name", "buyer_name");

  /**
   * Gross: what buyers paid. Net: the publisher's share after the SSP's fee. Both in the row's
   * currency.
   */
  public static final List<String> AMOUNTS = List.of("gross_revenue", "net_revenue");
}

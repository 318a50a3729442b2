package io.adlake.platforms.writeback;

/**
 * A platform entity write-back may change.
 *
 * @param platform dv360, ttd or meta
 * @param entityType line_item (DV360), ad_group (TTD), ad_set (Meta)
 * @param entityId the platform's id
 * @param advertiserId the DV360 advertiser the line item belongs to (its API path needs it); null
 *     elsewhere
 * @param currency ISO code budgets are in; Meta counts them in the currency's minor unit
 */
public record EntityRef(
    String platform, String entityType, String entityId, String advertiserId, String currency) {

  public EntityRef {
    if (entityId == null || !entityId.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("entity id '" + entityId + "' is not a platform id");
    }
    if (advertiserId != null && !advertiserId.matches("[0-9]{1,20}")) {
      throw new IllegalArgumentException(
          "advertiser id '" + advertiserId + "' is not a DV360 advertiser id");
    }
  }

  @Override
  public String toString() {
    return platform + " " + entityType + " " + entityId;
  }
}

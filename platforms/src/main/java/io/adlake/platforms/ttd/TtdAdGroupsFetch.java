package io.adlake.platforms.ttd;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adlake.platforms.fetch.FetchException;
import io.adlake.platforms.fetch.OrgFetch;
import io.adlake.platforms.fetch.ReportFetcher;
import io.adlake.platforms.fetch.ReportShape;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The Trade Desk setup: an advertiser's ad groups as the API returns them, one object per line,
 * each with its campaign's {@code BudgetingVersion} added (bronze reads it from the line: on Kokai
 * the campaign allocates the budget, see {@link TtdApi#campaignLevelBudgeting}). Two paged queries
 * with the {@code TTD-Auth} token: {@code POST campaign/query/advertiser} for the campaigns, then
 * {@code POST adgroup/query/advertiser} for the ad groups ({@link TtdApi#AD_GROUPS_OF_ADVERTISER}).
 * Archived ones are kept: their delivery still needs its setup.
 */
final class TtdAdGroupsFetch implements ReportFetcher {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void fetch(OrgFetch fetch) {
    String advertiser = fetch.requireAccount("the TTD advertiser id");
    Map<String, String> budgeting = new HashMap<>();
    TtdPagedQuery.each(
        fetch,
        TtdApi.CAMPAIGNS_OF_ADVERTISER,
        JSON.createObjectNode().put("AdvertiserId", advertiser),
        campaign -> {
          if (campaign.hasNonNull("BudgetingVersion")) {
            budgeting.put(
                campaign.path("CampaignId").asText(), campaign.path("BudgetingVersion").asText());
          }
        });
    Path file = fetch.scratch().resolve("ttd-ad-groups.jsonl");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      TtdPagedQuery.each(
          fetch,
          TtdApi.AD_GROUPS_OF_ADVERTISER,
          JSON.createObjectNode().put("AdvertiserId", advertiser),
          group -> {
            if (!(group instanceof ObjectNode line)) {
              throw new FetchException(
                  FetchException.Kind.PLATFORM,
                  "TTD listed an ad group that is not an object: "
                      + group
                      + " ("
                      + fetch.calls().scope()
                      + ")",
                  null);
            }
            String version = budgeting.get(group.path("CampaignId").asText());
            if (version != null && !line.hasNonNull("BudgetingVersion")) {
              line.put("BudgetingVersion", version);
            }
            try {
              out.write(line.toString());
              out.write('\n');
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    fetch.land("ttd-ad-groups", fetch.last(), "jsonl", file, ReportShape.JSON_LINES);
  }
}

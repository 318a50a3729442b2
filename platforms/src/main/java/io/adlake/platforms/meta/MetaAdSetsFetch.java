package io.adlake.platforms.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adlake.platforms.fetch.FetchException;
import io.adlake.platforms.fetch.OrgFetch;
import io.adlake.platforms.fetch.ReportFetcher;
import io.adlake.platforms.fetch.ReportShape;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Meta setup: an ad account's ad sets ({@code GET act_<id>/adsets} with the fields bronze reads,
 * developers.facebook.com/docs/marketing-api/reference/ad-account/adsets), paged by {@code
 * paging.cursors.after} while {@code paging.next} is there (the cursor goes to the configured host,
 * never to the URL the answer names), one object per line. Budgets are strings in Meta's units of
 * the account's currency, which an ad set does not carry: it is asked once ({@code GET
 * act_<id>?fields=currency}) and added to every line as {@code account_currency}, so silver can
 * scale them ({@link MetaApi#offset}).
 */
final class MetaAdSetsFetch implements ReportFetcher {
  private static final int PAGE = 200;

  @Override
  public void fetch(OrgFetch fetch) {
    String node = MetaApi.adAccountNode(fetch.requireAccount("the Meta ad account id"));
    String currency =
        fetch
            .calls()
            .get(fetch.base().resolve(node + "?fields=currency"), "currency of " + node)
            .path("currency")
            .asText("");
    if (!currency.matches("[A-Z]{3}")) {
      throw new FetchException(
          FetchException.Kind.PLATFORM,
          "Meta gave no currency for " + node + " (" + fetch.calls().scope() + ")",
          null);
    }
    Path file = fetch.scratch().resolve("meta-ad-sets.jsonl");
    String fields =
        URLEncoder.encode(String.join(",", MetaApi.ADSET_FIELDS), StandardCharsets.UTF_8);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      String after = null;
      do {
        URI page =
            fetch
                .base()
                .resolve(
                    node
                        + "/adsets?fields="
                        + fields
                        + "&limit="
                        + PAGE
                        + (after == null
                            ? ""
                            : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)));
        JsonNode answer = fetch.calls().get(page, "ad sets of " + node);
        for (JsonNode set : answer.path("data")) {
          if (!set.isObject()) {
            throw new FetchException(
                FetchException.Kind.PLATFORM,
                "Meta listed an ad set of "
                    + node
                    + " that is not an object: "
                    + set
                    + " ("
                    + fetch.calls().scope()
                    + ")",
                null);
          }
          out.write(
              ((ObjectNode) set)
                  .put(MetaAdSetField.ACCOUNT_CURRENCY.fieldName(), currency)
                  .toString());
          out.write('\n');
        }
        after =
            answer.path("paging").has("next")
                ? answer.path("paging").path("cursors").path("after").asText(null)
                : null;
      } while (after != null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    fetch.land("meta-ad-sets", fetch.last(), "jsonl", file, ReportShape.JSON_LINES);
  }
}

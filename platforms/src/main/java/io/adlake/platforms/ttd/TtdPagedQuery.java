package io.adlake.platforms.ttd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adlake.platforms.fetch.FetchException;
import io.adlake.platforms.fetch.OrgFetch;
import java.util.function.Consumer;

/**
 * A paged TTD query ({@code POST}, {@code PageStartIndex} and {@code PageSize} in the body): every
 * row of every page. The answer's {@code ResultCount} is the rows of that page and {@code
 * TotalFilteredCount} the rows matching the query (TTD API v3 query responses), and a page may hold
 * fewer rows than asked, so paging goes on by the rows that came until the total is reached or a
 * page is empty.
 */
final class TtdPagedQuery {
  static final int PAGE = 100;

  private TtdPagedQuery() {}

  /**
   * @param body the query's own fields; the paging fields are added
   */
  static void each(OrgFetch fetch, String path, ObjectNode body, Consumer<JsonNode> row) {
    for (int start = 0; ; ) {
      ObjectNode paged = body.deepCopy().put("PageStartIndex", start).put("PageSize", PAGE);
      JsonNode page =
          fetch
              .calls()
              .postJson(fetch.base().resolve(path), paged.toString(), path + " from " + start);
      JsonNode result = page.path("Result");
      if (!result.isArray()) {
        throw new FetchException(
            FetchException.Kind.PLATFORM,
            "TTD " + path + " answered without a Result list (" + fetch.calls().scope() + ")",
            null);
      }
      result.forEach(row);
      start += result.size();
      if (result.isEmpty() || start >= page.path("TotalFilteredCount").asInt(0)) {
        return;
      }
    }
  }
}

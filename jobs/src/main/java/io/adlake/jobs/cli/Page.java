package io.adlake.jobs.cli;

import java.util.List;

/**
 * The records a listing prints: at most {@code limit} of them, and whether more rows matched than
 * it shows.
 *
 * @param limit how many the listing shows at most, never negative
 */
record Page<T>(List<T> rows, int limit, boolean more) {

  Page {
    rows = List.copyOf(rows);
  }
}

package io.adlake.jobs.writeback;

import io.adlake.platforms.writeback.EntityState;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** What an execute did with each approved action, or, in a dry run, what it would do. */
public record ExecuteReport(boolean dryRun, List<Result> results) {

  /**
   * @param outcome applied, confirmed, already_matched, refused, drifted, failed, not_attempted; in
   *     a dry run would_apply, already_matched, refused, drifted, not_read
   */
  public record Result(
      WritebackAction action,
      String outcome,
      EntityState before,
      EntityState after,
      String message) {}

  public ExecuteReport {
    results = List.copyOf(results);
  }

  /**
   * Whether every action executed ended as it should: applied, or found in place, or skipped for
   * drift.
   */
  public boolean allSettled() {
    return results.stream()
        .noneMatch(r -> r.outcome().equals("failed") || r.outcome().equals("not_attempted"));
  }

  public long count(String outcome) {
    return results.stream().filter(r -> r.outcome().equals(outcome)).count();
  }

  public void print(PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%nWrite-back execute%s: %d approved action(s)%s%n",
        dryRun ? " (DRY RUN: nothing sent; --apply to send)" : "",
        results.size(),
        results.isEmpty() ? " (approve some with 'adlake writeback approve ID')" : "");
    String format = "  %-24s %-12s %-22s %-34s %-16s %-44s %s%n";
    out.printf(
        Locale.ROOT, format, "action", "org", "entity", "change", "outcome", "before -> after", "");
    for (Result r : results) {
      WritebackAction a = r.action();
      out.printf(
          Locale.ROOT,
          format,
          a.actionId(),
          a.target().orgId(),
          a.target().platform().code() + " " + a.target().entityId(),
          a.describeChange(),
          r.outcome(),
          (r.before() == null ? "?" : r.before().toJson())
              + " -> "
              + (r.after() == null ? "-" : r.after().toJson()),
          r.message() == null ? "" : r.message());
    }
  }
}

package io.adlake.jobs.writeback;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;

/** What an execute did with each approved action, or, in a dry run, what it would do. */
public record ExecuteReport(boolean dryRun, List<Result> results) {

  /**
   * @param outcome applied, confirmed, already_matched, drifted, failed, not_attempted; in a dry run would_apply,
   *                already_matched, drifted, not_read
   */
  public record Result(Row action, String outcome, EntityState before, EntityState after, String message) {}

  public ExecuteReport {
    results = List.copyOf(results);
  }

  /** Whether every action executed ended as it should: applied, or found in place, or skipped for drift. */
  public boolean allSettled() {
    return results.stream().noneMatch(r -> r.outcome().equals("failed") || r.outcome().equals("not_attempted"));
  }

  public long count(String outcome) {
    return results.stream().filter(r -> r.outcome().equals(outcome)).count();
  }

  public void print(PrintStream out) {
    out.printf(
        Locale.ROOT, "%nWrite-back execute%s: %d approved action(s)%s%n", dryRun ? " (DRY RUN: nothing sent; --apply to send)" : "", results.size(),
        results.isEmpty() ? " (approve some with 'adlake writeback approve ID --by NAME')" : "");
    String format = "  %-24s %-12s %-22s %-34s %-16s %-44s %s%n";
    out.printf(Locale.ROOT, format, "action", "org", "entity", "change", "outcome", "before -> after", "");
    for (Result r : results) {
      Row a = r.action();
      out.printf(
          Locale.ROOT, format, a.getAs("action_id"), a.getAs("org_id"), a.getAs("platform") + " " + a.getAs("entity_id"), WritebackLedger.describeChange(a), r.outcome(),
          (r.before() == null ? "?" : r.before().toJson()) + " -> " + (r.after() == null ? "-" : r.after().toJson()), r.message() == null ? "" : r.message());
    }
  }
}

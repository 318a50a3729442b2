package io.adlake.jobs.connectors;

import io.adlake.model.Source;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Every org's outcome of one {@code adlake fetch}: printed one line per org, the failures with
 * their reason.
 */
public record FetchReport(Source source, List<FetchOutcome> outcomes) {

  public FetchReport {
    outcomes = List.copyOf(outcomes);
  }

  public boolean any(FetchOutcome.Failure failure) {
    return outcomes.stream().anyMatch(o -> o.failure() == failure);
  }

  public void print(PrintStream out) {
    out.printf("fetch %s: %d org(s)%n", source.id(), outcomes.size());
    for (FetchOutcome o : outcomes) {
      if (o.ok()) {
        out.printf(
            "  %-20s %s to %s: %d new, %d restated, %d unchanged%n",
            o.org(),
            o.first(),
            o.last(),
            o.count(LandingDrop.Result.NEW),
            o.count(LandingDrop.Result.RESTATED),
            o.count(LandingDrop.Result.UNCHANGED));
      } else {
        out.printf(
            "  %-20s %s to %s: FAILED (%s) %s; %d file(s) fetched before it%n",
            o.org(),
            o.first(),
            o.last(),
            o.failure().name().toLowerCase(Locale.ROOT),
            o.message(),
            o.files().size());
      }
    }
  }
}

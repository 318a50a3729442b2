package io.adlake.jobs.notify;

import io.adlake.platforms.notify.Digest;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Per org: the digest, and what each channel did with it. */
public record NotifyReport(List<OrgResult> orgs) {

  public NotifyReport {
    orgs = List.copyOf(orgs);
  }

  public record ChannelResult(String channel, boolean delivered, int attempts, String error) {}

  public record OrgResult(String orgId, Digest digest, List<ChannelResult> channels, String note) {
    public OrgResult {
      channels = List.copyOf(channels);
    }
  }

  /** Whether every channel that was due a digest has it. */
  public boolean allDelivered() {
    return orgs.stream().flatMap(o -> o.channels().stream()).allMatch(ChannelResult::delivered);
  }

  public void print(PrintStream out) {
    if (orgs.isEmpty()) {
      out.println("notify: nothing new since the last digests");
      return;
    }
    for (OrgResult o : orgs) {
      out.printf(
          Locale.ROOT,
          "%s: %d new, %d resolved (%s)%n",
          o.orgId(),
          o.digest().opened().size(),
          o.digest().resolved().size(),
          o.digest().id());
      for (ChannelResult c : o.channels()) {
        out.printf(
            Locale.ROOT,
            "  %-40s %s%s%n",
            c.channel(),
            c.delivered() ? "delivered" : "FAILED",
            (c.attempts() > 0 ? " after " + c.attempts() + " attempt(s)" : "")
                + (c.error() == null ? "" : ": " + c.error()));
      }
      if (o.note() != null) {
        out.println("  " + o.note());
      }
    }
  }
}

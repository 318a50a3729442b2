package io.adlake.platforms.notify;

import io.adlake.model.Hashes;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * One org's news since its last digest: alerts opened (or opened again) and alerts resolved. Its id
 * is a hash of the org and each alert with its status, so the same news is the same digest, and a
 * channel that delivered it is not sent it again.
 */
public record Digest(
    String orgId, LocalDate asOf, List<DigestLine> opened, List<DigestLine> resolved) {

  public Digest {
    opened = List.copyOf(opened);
    resolved = List.copyOf(resolved);
  }

  public boolean isEmpty() {
    return opened.isEmpty() && resolved.isEmpty();
  }

  public String id() {
    StringBuilder text = new StringBuilder(orgId);
    Stream.concat(opened.stream(), resolved.stream())
        .map(l -> l.alertId() + ":" + l.status())
        .sorted()
        .forEach(s -> text.append('|').append(s));
    return "digest-" + Hashes.sha256Hex(text.toString()).substring(0, 20);
  }

  public String subject() {
    return "adlake alerts for "
        + orgId
        + ": "
        + opened.size()
        + " new, "
        + resolved.size()
        + " resolved (as of "
        + asOf
        + ")";
  }

  public String text() {
    StringBuilder out = new StringBuilder(subject()).append('\n');
    if (!opened.isEmpty()) {
      out.append("\nNew:\n");
      opened.forEach(l -> out.append("- ").append(l.describe()).append('\n'));
    }
    if (!resolved.isEmpty()) {
      out.append("\nResolved:\n");
      resolved.forEach(l -> out.append("- ").append(l.describe()).append('\n'));
    }
    out.append("\nadlake alerts list --org ")
        .append(orgId)
        .append(" shows every open alert; adlake alerts ack ID takes one on.\n");
    return out.toString();
  }
}

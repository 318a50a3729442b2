package io.adlake.platforms.notify;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** One alert in a digest, as people read it. */
public record DigestLine(
    String alertId,
    String status,
    String severity,
    String ruleId,
    String title,
    String platform,
    String entityType,
    String entityId,
    Map<String, String> observed,
    String proposedAction) {

  public DigestLine {
    observed = observed == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(observed));
  }

  String entity() {
    return (platform == null ? "" : platform + " ") + entityType + " " + entityId;
  }

  String describe() {
    StringBuilder out = new StringBuilder();
    out.append('[').append(severity).append("] ").append(title).append(": ").append(entity());
    if (!observed.isEmpty()) {
      out.append(" (");
      observed.forEach((k, v) -> out.append(k).append('=').append(v).append(", "));
      out.setLength(out.length() - 2);
      out.append(')');
    }
    if (proposedAction != null) {
      out.append("; proposed: ")
          .append(proposedAction)
          .append(" (needs approval in adlake writeback)");
    }
    return out.toString();
  }
}

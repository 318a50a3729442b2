package io.adlake.jobs.publish;

import java.util.List;
import java.util.Map;

/**
 * What a publish did.
 *
 * @param published tables whose main moved to the run's snapshot by this publish
 * @param conflicts tables changed on main since the run began, each with what was found
 * @param mainAfter the snapshot (or, on Nessie, the commit hash under key {@code nessie:main}) main
 *     is at after
 */
public record PublishResult(
    Outcome outcome,
    List<String> published,
    List<String> conflicts,
    Map<String, Long> mainAfter,
    String detail) {

  public enum Outcome {
    /** Main now shows the run. */
    PUBLISHED,
    /** Main already showed the run: nothing was changed. */
    ALREADY_PUBLISHED,
    /** Main moved under the run: nothing was published. */
    MAIN_MOVED,
    /**
     * Main moved under the run between the check and the last table (embedded catalog only): some
     * tables were published.
     */
    PARTIALLY_PUBLISHED
  }

  public PublishResult {
    published = List.copyOf(published);
    conflicts = List.copyOf(conflicts);
    mainAfter = Map.copyOf(mainAfter);
  }

  public boolean ok() {
    return outcome == Outcome.PUBLISHED || outcome == Outcome.ALREADY_PUBLISHED;
  }
}

package io.adlake.transforms.gold.taxonomy;

import java.io.Serializable;
import java.util.List;

/**
 * A name judged against a convention. The name itself is never changed: a suggestion sits beside
 * it, with a confidence between 0 and 1, or both are null when no safe correction was found.
 */
public record NameCheck(
    boolean valid, List<Violation> violations, String suggestion, Double confidence)
    implements Serializable {}

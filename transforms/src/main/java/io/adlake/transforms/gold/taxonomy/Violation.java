package io.adlake.transforms.gold.taxonomy;

import java.io.Serializable;

/**
 * One way a name breaks its convention.
 *
 * @param position 1-based position of the token in the convention (for {@code unexpected}, the
 *     position in the name)
 * @param problem {@code invalid_value}, {@code missing} or {@code unexpected}
 */
public record Violation(int position, String token, String found, String expected, String problem)
    implements Serializable {}

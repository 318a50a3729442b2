package io.adlake.transforms.rules;

/**
 * A rule that is not in the rule language, or names what its mart does not allow: says where and
 * what.
 */
public final class RuleException extends IllegalArgumentException {
  /**
   * @param position zero-based offset in the rule text, or -1 when the fault is not at one place
   */
  public RuleException(String message, int position) {
    super(position < 0 ? message : message + " (at character " + (position + 1) + ")");
  }
}

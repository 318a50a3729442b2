package io.adlake.platforms.kit;

/**
 * The environment holds no secret where conf/ says it is: a person must set it, so callers report
 * it apart from failures a later try can fix. The message names the variable, never a value.
 */
public final class CredentialsMissing extends IllegalStateException {
  public CredentialsMissing(String message) {
    super(message);
  }
}

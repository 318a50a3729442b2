package io.adlake.platforms.kit;

/**
 * An endpoint refused before any call: its API version, or a file-format version its calls pin, is
 * past its sunset or unknown to adlake. The message names the setting to change; retrying cannot
 * help.
 */
public final class VersionRefused extends IllegalStateException {
  public VersionRefused(String message) {
    super(message);
  }
}

package io.adlake.model;

/** A configuration value is missing or invalid; the message names the setting and the bad value. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}

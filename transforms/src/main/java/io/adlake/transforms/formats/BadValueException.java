package io.adlake.transforms.formats;

/**
 * A cell that cannot be read as its column's type. The message is the quarantine reason, naming
 * column and value.
 */
public final class BadValueException extends Exception {
  public BadValueException(String message) {
    super(message, null, false, false);
  }
}

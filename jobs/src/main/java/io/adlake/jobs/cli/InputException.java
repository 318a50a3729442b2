package io.adlake.jobs.cli;

/** The input named on the command line cannot be used; exits with {@link ExitCodes#INPUT}. */
public final class InputException extends RuntimeException {
  public InputException(String message) {
    super(message);
  }
}

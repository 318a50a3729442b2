package io.adlake.jobs.run;

/** A run step asked for before the attempt reached the step it continues from. */
public final class StepOrderException extends RuntimeException {
  public StepOrderException(String message) {
    super(message);
  }
}

package io.adlake.jobs;

import java.io.PrintStream;
import java.util.Locale;

/** Tells the person at the terminal what a long job is doing, with the time since it started. */
public final class Progress {

  private final PrintStream out;
  private final long start = System.nanoTime();
  private final boolean quiet;

  public Progress(PrintStream out, boolean quiet) {
    this.out = out;
    this.quiet = quiet;
  }

  public static Progress silent() {
    return new Progress(System.err, true);
  }

  public void step(String message) {
    if (!quiet) {
      out.printf(Locale.ROOT, "[%7.1fs] %s%n", (System.nanoTime() - start) / 1e9, message);
      out.flush();
    }
  }

  public double elapsedSeconds() {
    return (System.nanoTime() - start) / 1e9;
  }
}

package io.adlake.jobs;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.spark.SparkContext;

/**
 * Tells the person at the terminal what a long job is doing, with the time since it started; and,
 * once {@link #describeSparkJobs} is called, names the Spark jobs that follow each step after it,
 * so the Spark UI and the event log show which step a job belongs to (the next person looking for
 * where time goes starts there).
 */
public final class Progress {

  private final PrintStream out;
  private final long start = System.nanoTime();
  private final boolean quiet;
  private volatile SparkContext spark;

  public Progress(PrintStream out, boolean quiet) {
    this.out = out;
    this.quiet = quiet;
  }

  public static Progress silent() {
    return new Progress(System.err, true);
  }

  /**
   * From now on each step's message is the description of the Spark jobs this thread starts until
   * the next.
   */
  public Progress describeSparkJobs(SparkContext context) {
    this.spark = context;
    return this;
  }

  public void step(String message) {
    SparkContext context = spark;
    if (context != null) {
      context.setJobDescription(message);
    }
    done(message);
  }

  /**
   * What a step got done (rows, files): printed like a step, but the Spark jobs that follow keep
   * the step's description, so a write is not listed under the count line printed before it.
   */
  public void done(String message) {
    if (!quiet) {
      out.printf(Locale.ROOT, "[%7.1fs] %s%n", (System.nanoTime() - start) / 1e9, message);
      out.flush();
    }
  }

  public double elapsedSeconds() {
    return (System.nanoTime() - start) / 1e9;
  }
}

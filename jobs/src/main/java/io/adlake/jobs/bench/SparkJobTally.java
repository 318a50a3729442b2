package io.adlake.jobs.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;

/**
 * Counts the Spark jobs a run starts and their wall time, by job description (the progress step
 * that started them, see {@code Progress#describeSparkJobs}) and call site: where the time of a
 * stage goes, down to the line that asked Spark for it, without opening the Spark UI. Jobs run side
 * by side (broadcasts, adaptive query stages) each count their own wall time, so a description's
 * sum can exceed its step's.
 */
final class SparkJobTally extends SparkListener {

  /** The jobs of one description and call site: how many, and their summed wall time. */
  record Jobs(String description, int jobs, double seconds) {}

  private final Map<Integer, long[]> running = new ConcurrentHashMap<>();
  private final Map<Integer, String> descriptions = new ConcurrentHashMap<>();
  private final Map<String, double[]> byDescription = new ConcurrentHashMap<>();

  @Override
  public void onJobStart(SparkListenerJobStart start) {
    String description =
        start.properties() == null ? null : start.properties().getProperty("spark.job.description");
    // The last stage's name is the call site of the action that started the job ("count at
    // SilverJob.java:123").
    String callSite = start.stageInfos().isEmpty() ? "?" : start.stageInfos().last().name();
    descriptions.put(
        start.jobId(), (description == null ? "(no description)" : description) + " @ " + callSite);
    running.put(start.jobId(), new long[] {start.time()});
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd end) {
    long[] started = running.remove(end.jobId());
    String description = descriptions.remove(end.jobId());
    if (started != null && description != null) {
      byDescription.compute(
          description,
          (d, v) -> {
            double[] sum = v == null ? new double[2] : v;
            sum[0] += 1;
            sum[1] += (end.time() - started[0]) / 1e3;
            return sum;
          });
    }
  }

  void reset() {
    byDescription.clear();
  }

  /** Every description since the last reset, most time first. */
  List<Jobs> jobs() {
    List<Jobs> jobs = new ArrayList<>();
    byDescription.forEach((d, v) -> jobs.add(new Jobs(d, (int) v[0], v[1])));
    jobs.sort(Comparator.comparingDouble(Jobs::seconds).reversed());
    return jobs;
  }
}

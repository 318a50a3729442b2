package io.adlake.jobs.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap the driver used since the last {@link #reset}, sampled every 20 ms by a daemon
 * thread. In local mode the driver runs the tasks too, so this is the whole job's heap. A sample
 * can miss a peak shorter than the interval; the pool peaks the JVM keeps are per pool, and their
 * sum overstates one moment's use.
 */
final class HeapPeak implements AutoCloseable {
  private static final long INTERVAL_MS = 20;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peak = new AtomicLong();
  private final Thread sampler;
  private volatile boolean running = true;

  private HeapPeak() {
    sampler = new Thread(this::sample, "adlake-heap-peak");
    sampler.setDaemon(true);
  }

  static HeapPeak start() {
    HeapPeak heap = new HeapPeak();
    heap.sampler.start();
    return heap;
  }

  private void sample() {
    while (running) {
      peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
      try {
        Thread.sleep(INTERVAL_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  void reset() {
    peak.set(memory.getHeapMemoryUsage().getUsed());
  }

  long peakMb() {
    return Math.max(peak.get(), memory.getHeapMemoryUsage().getUsed()) >> 20;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}

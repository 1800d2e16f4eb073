package org.prochat.server.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of this JVM, split by whom its threads work for, when the coordinator runs in the same
 * JVM as the simulated users: the coordinator's threads are named {@code prochat-…}, the users'
 * {@code bench-…}; the rest (compiler, garbage collector) counts for the process only. A thread that
 * ends between two readings takes its time along; the threads of both sides live through a run.
 */
final class ThreadCpuMeter {
  /** CPU nanoseconds used so far: by the coordinator's threads, the simulated users', the whole process. */
  record Reading(long coordinatorNanos, long generatorNanos, long processNanos) {
    Reading minus(Reading earlier) {
      return new Reading(coordinatorNanos - earlier.coordinatorNanos, generatorNanos - earlier.generatorNanos,
          processNanos - earlier.processNanos);
    }
  }

  private ThreadCpuMeter() {}

  static Reading now() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long coordinator = 0;
    long generator = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue; // ended meanwhile
      }
      long cpu = Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      if (info.getThreadName().startsWith("prochat-")) {
        coordinator += cpu;
      } else if (info.getThreadName().startsWith("bench-")) {
        generator += cpu;
      }
    }
    long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    return new Reading(coordinator, generator, process);
  }
}

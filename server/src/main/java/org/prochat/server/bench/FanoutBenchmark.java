package org.prochat.server.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;

/**
 * Fan-out: N users in one room, S of them posting; what the coordinator delivers per second, how
 * long a message takes to reach a user, and what that costs the coordinator and the generator.
 * With sealed sessions, also how many checkpoints a user gets and what verifying would cost it.
 */
final class FanoutBenchmark {
  /**
   * What to run: users, senders, aggregate rate (0 = as fast as acks allow), seconds measured and of
   * warm-up before them ({@link #DEFAULT_WARM_UP_SECONDS} unless the command says otherwise), text
   * size, whether the users have sealed sessions (then they get chained events and checkpoints), and
   * how many users are timed ({@link FanoutSample#ALL}: every one).
   */
  record Plan(int clients, int senders, int rate, int seconds, int warmUpSeconds, int size, boolean sealed,
      int timed) {
    /** How many users the latency is measured on. */
    int timedUsers() {
      return Math.min(timed, clients);
    }

    /**
     * Whether the untimed users (senders aside) are read in rounds ({@link FanoutDrain}): at a set
     * rate only. At full speed each read takes many messages anyway, and drained links fell behind
     * what the coordinator wrote until it cut them (8 MiB unsent; up to 5 of 500 users in a run).
     */
    boolean drainsUntimed() {
      return rate > 0 && timedUsers() < clients;
    }
  }

  /**
   * What came out. CPU shares are of one core (100 = one core busy); -1 where unknown.
   *
   * @param connectedAtEnd users still connected when the measured interval ended: fewer than all
   *     means the coordinator cut some for falling behind, and the others' figures flatter it
   * @param verification what verifying would cost a real client; null unless the plan is sealed
   */
  record Result(Plan plan, double deliveriesPerSecond, Histogram latencyMicros, double coordinatorCpuPercent,
      double generatorCpuPercent, double bytesPerBroadcast, long coordinatorRssBytes, int connectedAtEnd,
      FanoutVerifyCost verification) {

    /**
     * Deliveries per second of coordinator CPU, or -1 when its CPU is unknown: what one busy core
     * would deliver, which moves less than deliveries per second when others share the machine.
     */
    double deliveriesPerCpuSecond() {
      return coordinatorCpuPercent <= 0 ? -1 : deliveriesPerSecond / (coordinatorCpuPercent / 100);
    }

    Result with(FanoutVerifyCost cost) {
      return new Result(plan, deliveriesPerSecond, latencyMicros, coordinatorCpuPercent, generatorCpuPercent,
          bytesPerBroadcast, coordinatorRssBytes, connectedAtEnd, cost);
    }
  }

  /**
   * Seconds of load before measuring, so connections, buffers and the coordinator's JIT have settled.
   * With 3 s, the compiler was still busy in the measured interval (half a core at its start, in
   * bursts later) and the slowest deliveries clustered there: p99 at 500 users x 200 messages/s
   * 9.4-12.3 ms in four runs, against 8.2-10.0 ms with 10 s.
   */
  static final int DEFAULT_WARM_UP_SECONDS = 10;

  private final Plan plan;

  FanoutBenchmark(Plan plan) {
    this.plan = plan;
  }

  Result run(CoordinatorProcess coordinator) throws InterruptedException {
    Result measured;
    double checkpointsPerUser;
    List<byte[]> witnessed;
    try (FanoutLoad load = new FanoutLoad(plan.size(), plan.sealed())) {
      load.connect(coordinator.host(), coordinator.chatPort(), plan.clients(), plan.senders(), plan.timed(),
          plan.drainsUntimed());
      load.start(plan.rate());
      // Every second of the warm-up: the first calls' costs (classes loading, the metadata collection
      // that followed, 27 ms in one run, and the coordinator compiling its stats path) otherwise land
      // in the measured latency, since the stats are read again just before measuring.
      for (int second = 0; second < plan.warmUpSeconds(); second++) {
        coordinator.stats();
        TimeUnit.SECONDS.sleep(1); // warming up under load; not synchronisation
      }
      long deliveriesBefore = load.deliveries();
      long checkpointsBefore = load.checkpoints();
      double coordinatorCpuBefore = coordinator.cpuSeconds();
      double generatorCpuBefore = generatorCpuSeconds();
      JsonNode statsBefore = coordinator.stats();
      load.latencySinceLastCall();
      long start = System.nanoTime();

      TimeUnit.SECONDS.sleep(plan.seconds()); // the measured interval

      double elapsed = (System.nanoTime() - start) / 1e9;
      long delivered = load.deliveries() - deliveriesBefore;
      Histogram latency = load.latencySinceLastCall();
      double coordinatorCpu = coordinator.cpuSeconds();
      double generatorCpu = generatorCpuSeconds();
      JsonNode statsAfter = coordinator.stats();
      checkpointsPerUser = (load.checkpoints() - checkpointsBefore) / elapsed / plan.clients();
      witnessed = load.witnessed();
      measured = new Result(plan, delivered / elapsed, latency,
          coordinatorCpuBefore < 0 ? -1 : (coordinatorCpu - coordinatorCpuBefore) / elapsed * 100,
          (generatorCpu - generatorCpuBefore) / elapsed * 100,
          bytesPerBroadcast(statsBefore, statsAfter), coordinator.residentBytes(), load.connected(), null);
    }
    if (!plan.sealed()) {
      return measured;
    }
    // Timed once the load has stopped, so the generator's own work does not stretch the timings.
    return measured.with(FanoutVerifyCost.measure(witnessed, measured.deliveriesPerSecond() / plan.clients(),
        checkpointsPerUser));
  }

  private static double bytesPerBroadcast(JsonNode before, JsonNode after) {
    if (before == null || after == null) {
      return -1;
    }
    long broadcasts = after.path("broadcasts").asLong() - before.path("broadcasts").asLong();
    long bytes = after.path("broadcastBytes").asLong() - before.path("broadcastBytes").asLong();
    return broadcasts <= 0 ? -1 : (double) bytes / broadcasts;
  }

  private static double generatorCpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
  }
}

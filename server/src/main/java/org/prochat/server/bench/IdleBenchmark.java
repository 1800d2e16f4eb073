package org.prochat.server.bench;

import java.util.concurrent.TimeUnit;

/**
 * Idle: N users connected and silent (heartbeats aside). How long the join storm takes (connecting
 * one after another until the last is welcomed), what each connection costs the coordinator in heap
 * (after a full collection) and resident memory, and whether all of them are still there at the end.
 */
final class IdleBenchmark {
  /** What came out; -1 where unknown (a --target coordinator). */
  record Result(int clients, int stillConnected, long joinMillis, long heapBaseline, long heapLoaded, long rssBaseline,
      long rssLoaded, int seconds) {

    double heapPerConnection() {
      return heapBaseline < 0 ? -1 : (double) (heapLoaded - heapBaseline) / clients;
    }

    double rssPerConnection() {
      return rssBaseline < 0 ? -1 : (double) (rssLoaded - rssBaseline) / clients;
    }
  }

  private final int clients;
  private final int seconds;
  private final boolean sealed;

  /** @param sealed users with sealed sessions, as the apps have, rather than plain ones */
  IdleBenchmark(int clients, int seconds, boolean sealed) {
    this.clients = clients;
    this.seconds = seconds;
    this.sealed = sealed;
  }

  Result run(CoordinatorProcess coordinator) throws InterruptedException {
    long heapBaseline = coordinator.heapUsedAfterGc();
    long rssBaseline = coordinator.residentBytes();
    try (FanoutLoad load = new FanoutLoad(32, sealed)) {
      long started = System.nanoTime();
      // Idle users get next to nothing to read: there is nothing to gain from draining them in rounds.
      load.connect(coordinator.host(), coordinator.chatPort(), clients, 0, FanoutSample.ALL, false);
      long joinMillis = (System.nanoTime() - started) / 1_000_000;
      TimeUnit.SECONDS.sleep(seconds); // holding the connections; not synchronisation
      return new Result(clients, load.connected(), joinMillis, heapBaseline, coordinator.heapUsedAfterGc(), rssBaseline,
          coordinator.residentBytes(), seconds);
    }
  }
}

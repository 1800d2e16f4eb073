package org.prochat.server.bench;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.prochat.server.overlay.OverlayLimits;
import org.prochat.server.room.RoomSnapshot;
import org.prochat.server.stats.ServerStats;

/**
 * The same room of users, all direct and then in the proxy tree: what a broadcast costs the
 * coordinator, how long a message takes to reach everyone, and, in the tree, how long the users
 * below a killed proxy take to be back and caught up ({@link FailoverDrill}, one kill). The
 * coordinator runs in this JVM, on its own threads, over real loopback sockets.
 */
final class OverlayBenchmark {
  /** What to run. */
  record Plan(int clients, int senders, int rate, int messages, int size, OverlayLimits limits) {}

  /** One arrangement's figures. */
  record Phase(String name, int directLinks, int maxDepth, double bytesPerBroadcast, double frameBytes,
      long deliveries, long expectedDeliveries, Histogram latencyMicros, long duplicates, long gaps) {}

  /** The tree's figures and what its failover did. */
  record TreeRun(Phase phase, FailoverDrill.Result failover) {}

  /** The failover's steady load, in messages per second, when the phases run at full speed. */
  static final int FAILOVER_RATE_AT_FULL_SPEED = 100;

  private final Plan plan;
  private final Recorder latency = new Recorder(3);

  OverlayBenchmark(Plan plan) {
    this.plan = plan;
  }

  Phase direct() throws Exception {
    try (BenchRoom room = BenchRoom.open(plan.limits(), plan.clients(), false, latency)) {
      return measure(room, "all direct");
    }
  }

  /** The tree, then one proxy killed in it. */
  TreeRun tree() throws Exception {
    try (BenchRoom room = BenchRoom.open(plan.limits(), plan.clients(), true, latency)) {
      Phase phase = measure(room, "proxy tree");
      int failoverRate = plan.rate() > 0 ? plan.rate() : FAILOVER_RATE_AT_FULL_SPEED;
      return new TreeRun(phase,
          new FailoverDrill(new FailoverDrill.Plan(1, plan.senders(), failoverRate, plan.size())).run(room));
    }
  }

  private Phase measure(BenchRoom room, String name) throws Exception {
    latency.reset();
    List<BenchUser> users = room.users();
    ServerStats.Snapshot before = room.coordinator().stats().snapshot();
    long expected = (long) plan.messages() * users.size();
    try (MessagePacer pacer = new MessagePacer(users.subList(0, plan.senders()), plan.rate(), plan.size())) {
      pacer.post(plan.messages());
    }
    BenchWait.until(() -> total(users).messages() >= expected, "every delivery");
    ServerStats.Snapshot after = room.coordinator().stats().snapshot();
    RoomSnapshot tree = room.snapshot();
    long broadcasts = after.broadcasts() - before.broadcasts();
    double perBroadcast = broadcasts == 0 ? 0 : (double) (after.broadcastBytes() - before.broadcastBytes()) / broadcasts;
    BenchUser.Tally seen = total(users);
    return new Phase(name, tree.directLinks(), tree.maxDepth(), perBroadcast, perBroadcast / tree.directLinks(),
        seen.messages(), expected, latency.getIntervalHistogram(), seen.duplicates(), seen.gaps());
  }

  private static BenchUser.Tally total(List<BenchUser> users) {
    return users.stream().map(BenchUser::tally)
        .reduce(new BenchUser.Tally(0, 0, 0), (a, b) -> new BenchUser.Tally(a.messages() + b.messages(),
            a.duplicates() + b.duplicates(), a.gaps() + b.gaps()));
  }
}

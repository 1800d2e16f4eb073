package org.prochat.server.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.prochat.client.ServerAddress;
import org.prochat.server.Coordinator;
import org.prochat.server.CoordinatorSettings;
import org.prochat.server.FloodLimits;
import org.prochat.server.overlay.OverlayLimits;
import org.prochat.server.room.Room;
import org.prochat.server.room.RoomSnapshot;
import org.prochat.server.stats.ServerStats;

/**
 * The same room of users, all direct and then in the proxy tree: what a broadcast costs the
 * coordinator, how long a message takes to reach everyone, and, in the tree, how long the users
 * below a killed proxy take to be back and caught up. The coordinator runs in this JVM, on its own
 * threads, over real loopback sockets.
 */
final class OverlayBenchmark {
  /** What to run. */
  record Plan(int clients, int senders, int rate, int messages, int size, OverlayLimits limits) {}

  /** One arrangement's figures. */
  record Phase(String name, int directLinks, int maxDepth, double bytesPerBroadcast, double frameBytes,
      long deliveries, long expectedDeliveries, Histogram latencyMicros, long duplicates, long gaps) {}

  /** The tree's figures and what its failover did. */
  record TreeRun(Phase phase, Failover failover) {}

  /** What killing the proxy with the most users below it did. */
  record Failover(String proxy, int descendants, Histogram catchUpMillis, long stillBehind, long duplicates,
      long gaps) {}

  private static final Duration SETTLE = Duration.ofSeconds(60);

  private final Plan plan;

  OverlayBenchmark(Plan plan) {
    this.plan = plan;
  }

  Phase direct() throws Exception {
    try (Session session = new Session(false)) {
      return session.measure("all direct");
    }
  }

  /** The tree, then the failover in it. */
  TreeRun tree() throws Exception {
    try (Session session = new Session(true)) {
      Phase phase = session.measure("proxy tree");
      return new TreeRun(phase, session.failover());
    }
  }

  /** A coordinator and its users for one phase. */
  private final class Session implements AutoCloseable {
    private final Path dataDir = Files.createTempDirectory("prochat-bench");
    private final Coordinator coordinator;
    private final List<BenchUser> users = new ArrayList<>();
    private final Recorder latency = new Recorder(3);

    Session(boolean relay) throws Exception {
      coordinator = Coordinator.start(CoordinatorSettings.builder(dataDir)
          .chatPort(0).statsInterval(Duration.ZERO)
          .overlay(plan.limits())
          // The benchmark posts far faster than a person: flood control would measure itself.
          .flood(new FloodLimits(1_000_000, 1_000_000, Duration.ofSeconds(1), 1_000_000))
          .build());
      ServerAddress address = new ServerAddress("127.0.0.1", coordinator.chatPort());
      for (int i = 0; i < plan.clients(); i++) {
        BenchUser user = BenchUser.join(address, "u" + i, relay, latency).get(30, TimeUnit.SECONDS);
        users.add(user);
        if (relay && i > 0) {
          waitFor(() -> user.parent() != null, "u" + i + " to find a proxy");
        }
      }
    }

    Phase measure(String name) throws Exception {
      latency.reset();
      ServerStats.Snapshot before = coordinator.stats().snapshot();
      long expected = (long) plan.messages() * users.size();
      long sentBefore = users.stream().mapToLong(BenchUser::messages).sum();
      paced(plan.messages(), i -> users.get(i % plan.senders()).post(plan.size()));
      waitFor(() -> users.stream().mapToLong(BenchUser::messages).sum() - sentBefore >= expected, "every delivery");
      ServerStats.Snapshot after = coordinator.stats().snapshot();
      RoomSnapshot room = snapshot();
      long broadcasts = after.broadcasts() - before.broadcasts();
      double perBroadcast = broadcasts == 0 ? 0 : (double) (after.broadcastBytes() - before.broadcastBytes()) / broadcasts;
      return new Phase(name, room.directLinks(), room.maxDepth(), perBroadcast, perBroadcast / room.directLinks(),
          users.stream().mapToLong(BenchUser::messages).sum() - sentBefore, expected, latency.getIntervalHistogram(),
          users.stream().mapToLong(BenchUser::duplicates).sum(), users.stream().mapToLong(BenchUser::gaps).sum());
    }

    /**
     * Kills the proxy below the top level with the most users below it, while a user outside its
     * subtree keeps posting.
     */
    Failover failover() throws Exception {
      RoomSnapshot room = snapshot();
      RoomSnapshot.UserView victim = room.users().stream().filter(u -> u.depth() >= 2)
          .max(Comparator.comparingInt(u -> room.below(u.nick()).size())).orElseThrow();
      List<String> below = room.below(victim.nick());
      List<BenchUser> orphans = users.stream().filter(u -> below.contains(nickOf(u))).toList();
      BenchUser killed = users.stream().filter(u -> nickOf(u).equals(victim.nick())).findFirst().orElseThrow();
      BenchUser sender = users.stream().filter(u -> u != killed && !orphans.contains(u)).findFirst().orElseThrow();
      long killedAt = System.nanoTime();
      orphans.forEach(o -> o.watchForMessagesSentAfter(killedAt));
      killed.kill();
      users.remove(killed);
      long deadline = System.nanoTime() + SETTLE.toNanos();
      while (orphans.stream().anyMatch(o -> o.firstArrivalAfterWatch() == 0) && System.nanoTime() < deadline) {
        sender.post(plan.size());
        TimeUnit.MILLISECONDS.sleep(10); // pacing the load, not synchronising
      }
      Histogram catchUp = new Histogram(3);
      long behind = 0;
      for (BenchUser orphan : orphans) {
        long arrived = orphan.firstArrivalAfterWatch();
        if (arrived == 0) {
          behind++;
        } else {
          catchUp.recordValue(Math.max(0, (arrived - killedAt) / 1_000_000));
        }
      }
      return new Failover(victim.nick(), orphans.size(), catchUp, behind,
          orphans.stream().mapToLong(BenchUser::duplicates).sum(), orphans.stream().mapToLong(BenchUser::gaps).sum());
    }

    private String nickOf(BenchUser user) {
      return user.client().nick();
    }

    private RoomSnapshot snapshot() throws Exception {
      Room room = coordinator.room();
      return room.loop().submit(room::snapshot).get(10, TimeUnit.SECONDS);
    }

    /** Posts {@code count} messages at the plan's rate (0: as fast as the senders can). */
    private void paced(int count, IntConsumer post) throws InterruptedException {
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        if (plan.rate() > 0) {
          long due = start + (long) (i * (1e9 / plan.rate()));
          long wait = due - System.nanoTime();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait); // pacing the load, not synchronising
          }
        }
        post.accept(i);
      }
    }

    @Override
    public void close() throws IOException {
      List<CompletableFuture<Void>> quitting = new ArrayList<>();
      users.forEach(u -> quitting.add(CompletableFuture.runAsync(u::quit)));
      CompletableFuture.allOf(quitting.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS)
          .exceptionally(failure -> null).join();
      coordinator.close();
    }
  }


  private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("gave up waiting for " + what + " after " + SETTLE.toSeconds() + " s");
      }
      TimeUnit.MILLISECONDS.sleep(5); // polling a benchmark's progress; not a test
    }
  }
}

package org.prochat.app.gui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prochat.app.gui.session.EventBatcherStats;
import org.prochat.app.testkit.LiveCoordinator;
import org.prochat.app.testkit.RecordingListener;
import org.prochat.client.ChatClient;
import org.prochat.server.FloodLimits;

/**
 * A burst of 5,000 room messages into a running app: reports how long the JavaFX thread was busy
 * applying them and how late a tiny task posted to it every 5 ms ran meanwhile (how responsive the
 * window stayed). A report, not a timed assertion. Run it with
 * <pre>
 * ./mvnw -q -pl app test -Dtest=RoomBurstBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dprochat.testOutputToFile=false
 * </pre>
 */
class RoomBurstBenchmark extends WindowTest {
  private static final int MESSAGES = 5_000;

  @TempDir
  Path dir;

  @Test
  void aBurstOf5000MessagesKeepsTheWindowResponsive() throws Exception {
    try (LiveCoordinator coordinator = LiveCoordinator.start(dir.resolve("coordinator"),
            settings -> settings.flood(new FloodLimits(MESSAGES * 2, MESSAGES * 2.0, Duration.ofSeconds(1), MESSAGES)));
        RunningApp alice = RunningApp.join(dir.resolve("alice"), coordinator.address(), "alice")) {
      ChatClient bob = ChatClient.connect(coordinator.address(), "bob", new RecordingListener()).join();
      try {
        EventBatcherStats before = snapshot(alice);
        ResponsivenessProbe probe = ResponsivenessProbe.start();
        long started = System.nanoTime();

        CompletableFuture.allOf(IntStream.range(0, MESSAGES).mapToObj(i -> bob.say("burst " + i))
            .toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        alice.awaitLine(line -> line.text().equals("burst " + (MESSAGES - 1)));
        long shownAfter = System.nanoTime() - started;
        probe.stop();
        EventBatcherStats after = snapshot(alice);

        System.out.printf(Locale.ROOT, """
            Room burst: %d messages shown in %d ms
              UI batches: %d (%d tasks), JavaFX thread busy applying them: %.1f ms, longest batch since the app started: %.1f ms
              responsiveness probe (task every 5 ms): %d runs, worst delay %.1f ms
            """, MESSAGES, shownAfter / 1_000_000, after.batches() - before.batches(), after.tasks() - before.tasks(),
            (after.busyNanos() - before.busyNanos()) / 1e6, after.longestBatchNanos() / 1e6, probe.runs.get(),
            probe.worstDelayNanos.get() / 1e6);
      } finally {
        bob.quit();
      }
    }
  }

  private static EventBatcherStats snapshot(RunningApp app) {
    return RunningApp.onFx(() -> app.app().batcher().orElseThrow().stats().copy());
  }

  /** Posts a no-op to the JavaFX thread every 5 ms and keeps the longest wait before it ran. */
  private static final class ResponsivenessProbe {
    final AtomicLong worstDelayNanos = new AtomicLong();
    final AtomicLong runs = new AtomicLong();
    private volatile boolean running = true;

    static ResponsivenessProbe start() {
      ResponsivenessProbe probe = new ResponsivenessProbe();
      Thread.ofPlatform().daemon().name("fx-probe").start(probe::loop);
      return probe;
    }

    private void loop() {
      while (running) {
        long posted = System.nanoTime();
        CompletableFuture<Void> ran = new CompletableFuture<>();
        Platform.runLater(() -> {
          worstDelayNanos.accumulateAndGet(System.nanoTime() - posted, Math::max);
          runs.incrementAndGet();
          ran.complete(null);
        });
        ran.join();
        // The probe's own pace, not synchronisation: it measures, it does not wait for a result.
        LockSupport.parkNanos(5_000_000);
      }
    }

    void stop() {
      running = false;
    }
  }
}

package org.prochat.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A loopback run's threads: one failing stops the others, and none outlives the run. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LoopbackThreadsTest {
  @Test
  void aFailureInterruptsTheOthersAndIsWhatTheRunReports() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    LoopbackThreads.Started<Void> waiting;
    LoopbackThreads.Started<Void> failing;
    try (LoopbackThreads threads = new LoopbackThreads()) {
      waiting = threads.start("test-waiting", () -> {
        never.await(); // a follower waiting for a stamp that will not come
        return null;
      });
      failing = threads.start("test-failing", () -> {
        throw new IOException("socket gone");
      });

      assertThatThrownBy(() -> threads.result(waiting)).isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(IOException.class).hasMessage("socket gone");
    }

    assertThat(waiting.thread().isAlive()).isFalse();
    assertThat(failing.thread().isAlive()).isFalse();
  }

  @Test
  void closingEndsEveryThreadStillRunning() throws Exception {
    LoopbackThreads.Started<Void> waiting;
    try (LoopbackThreads threads = new LoopbackThreads()) {
      waiting = threads.start("test-waiting", () -> {
        new CountDownLatch(1).await();
        return null;
      });
    }

    assertThat(waiting.thread().isAlive()).isFalse();
    assertThat(waiting.outcome()).isDone();
  }
}

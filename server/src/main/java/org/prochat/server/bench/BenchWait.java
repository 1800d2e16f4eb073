package org.prochat.server.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Bounded polling of a benchmark's progress. The users are real clients counting what they see, so
 * the bench looks at those counts every few milliseconds rather than threading callbacks through
 * hundreds of them.
 */
final class BenchWait {
  /** How long the room gets to settle after a phase, a kill or a churn before the bench gives up. */
  static final Duration SETTLE = Duration.ofSeconds(60);

  private BenchWait() {}

  /** Waits until {@code condition} holds; fails naming {@code what} after {@link #SETTLE}. */
  static void until(BooleanSupplier condition, String what) throws InterruptedException, TimeoutException {
    if (!within(condition, SETTLE)) {
      throw new TimeoutException("gave up waiting for " + what + " after " + SETTLE.toSeconds() + " s");
    }
  }

  /** Waits until {@code condition} holds or {@code limit} has passed; true when it holds. */
  static boolean within(BooleanSupplier condition, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      TimeUnit.MILLISECONDS.sleep(5);
    }
    return true;
  }
}

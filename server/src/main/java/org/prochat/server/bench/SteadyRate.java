package org.prochat.server.bench;

import java.util.concurrent.TimeUnit;

/**
 * Spaces a run of actions at a steady rate. Each one is due at its own time counted from the start
 * of the run, so a late action does not push back the rest: the load is what was asked for, not
 * what the system under test let through.
 *
 * @param perSecond actions per second; 0 means back to back
 */
record SteadyRate(int perSecond, long startNanos) {
  static SteadyRate startingNow(int perSecond) {
    return new SteadyRate(perSecond, System.nanoTime());
  }

  /** Returns once action number {@code index} (from 0) is due. */
  void awaitTurn(long index) throws InterruptedException {
    if (perSecond == 0) {
      return;
    }
    long wait = startNanos + (long) (index * (1e9 / perSecond)) - System.nanoTime();
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }
}

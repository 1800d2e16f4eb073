package org.prochat.server.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.LongSupplier;

/**
 * The broadcast schedule of a loopback run, kept by the first writer: broadcast n starts n/rate
 * seconds after the first (a late one is caught up, nothing drifts), is stamped when it starts, and
 * its stamp is handed to the other writers. The first writer needs no hand-over, as the coordinator's
 * single link loop needs none; the others pay for theirs in their latency, as a second loop would.
 * It also marks the measured interval: from the start of the first measured broadcast to when the
 * one after the last would start, with the reader's CPU time at both ends.
 */
final class LoopbackPacer implements LoopbackTurns {
  private final int rate;
  private final long warmUp;
  private final long broadcasts;
  private final LongSupplier readerCpuNanos;
  /** Filled before the writers start, read by the first writer only. */
  private final List<BlockingQueue<Long>> followers = new ArrayList<>();
  private SteadyRate schedule;
  // Set by the first writer; read once it has returned.
  private long measuredFrom;
  private long measuredTo;
  private long readerCpuFrom;
  private long readerCpuTo;

  /**
   * @param warmUp broadcasts before the measured ones
   * @param broadcasts broadcasts in all, warm-up included
   * @param readerCpuNanos the reader thread's CPU time so far
   */
  LoopbackPacer(int rate, long warmUp, long broadcasts, LongSupplier readerCpuNanos) {
    this.rate = rate;
    this.warmUp = warmUp;
    this.broadcasts = broadcasts;
    this.readerCpuNanos = readerCpuNanos;
  }

  /** The turns of one more writer, handed on by this one; before any writer starts. */
  LoopbackTurns follower() {
    BlockingQueue<Long> stamps = new LinkedBlockingQueue<>();
    followers.add(stamps);
    return index -> stamps.take();
  }

  @Override
  public long stamp(long index) throws InterruptedException {
    if (schedule == null) {
      schedule = SteadyRate.startingNow(rate);
    }
    schedule.awaitTurn(index);
    if (index == warmUp) {
      measuredFrom = System.nanoTime();
      readerCpuFrom = readerCpuNanos.getAsLong();
    }
    long stamp = System.nanoTime();
    for (BlockingQueue<Long> follower : followers) {
      follower.add(stamp);
    }
    return stamp;
  }

  @Override
  public void ended() throws InterruptedException {
    schedule.awaitTurn(broadcasts);
    measuredTo = System.nanoTime();
    readerCpuTo = readerCpuNanos.getAsLong();
  }

  /** Seconds measured. */
  double measuredSeconds() {
    return (measuredTo - measuredFrom) / 1e9;
  }

  /** The reader's CPU time over the measured interval. */
  long readerCpuNanos() {
    return readerCpuTo - readerCpuFrom;
  }
}

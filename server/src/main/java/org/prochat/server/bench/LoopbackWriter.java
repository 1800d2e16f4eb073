package org.prochat.server.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One writer thread of a loopback run: writes every broadcast's line to each socket of its share in
 * order, one non-blocking write per socket, as a coordinator's link loop writes a message to each of
 * its links. A write the socket can't take whole is counted and the rest of that line dropped for
 * that socket: waiting for room would measure this writer's patience, not the kernel, and with the
 * reader keeping up, a few hundred bytes never fill a socket's buffer.
 */
final class LoopbackWriter implements Callable<LoopbackWriter.Tally> {
  /**
   * What one writer did: {@code writes} and their CPU time (user and kernel) over the measured
   * broadcasts; {@code notFit}, writes of the whole run the socket could not take whole.
   */
  record Tally(long writes, long cpuNanos, long notFit) {
    double cpuMicrosPerWrite() {
      return writes == 0 ? 0 : cpuNanos / 1000.0 / writes;
    }
  }

  private final List<SocketChannel> share;
  private final LoopbackLine line;
  private final ByteBuffer stamped;
  private final LoopbackTurns turns;
  private final long warmUp;
  private final long broadcasts;
  /** Per measured broadcast, the longest any writer took from the stamp to its last socket written (ns). */
  private final AtomicLongArray spans;

  /** @param spans one slot per measured broadcast, shared by all writers */
  LoopbackWriter(List<SocketChannel> share, LoopbackLine line, LoopbackTurns turns, long warmUp, long broadcasts,
      AtomicLongArray spans) {
    this.share = List.copyOf(share);
    this.line = line;
    this.stamped = line.copy();
    this.turns = turns;
    this.warmUp = warmUp;
    this.broadcasts = broadcasts;
    this.spans = spans;
  }

  @Override
  public Tally call() throws IOException, InterruptedException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuFrom = 0;
    long notFit = 0;
    for (long index = 0; index < broadcasts; index++) {
      if (index == warmUp) {
        cpuFrom = threads.getCurrentThreadCpuTime();
      }
      long stamp = turns.stamp(index);
      line.stamp(stamped, stamp);
      for (SocketChannel socket : share) {
        stamped.rewind();
        if (socket.write(stamped) < line.length()) {
          notFit++;
        }
      }
      if (index >= warmUp) {
        spans.accumulateAndGet((int) (index - warmUp), System.nanoTime() - stamp, Math::max);
      }
    }
    long cpuNanos = threads.getCurrentThreadCpuTime() - cpuFrom;
    turns.ended();
    return new Tally((broadcasts - warmUp) * share.size(), cpuNanos, notFit);
  }
}

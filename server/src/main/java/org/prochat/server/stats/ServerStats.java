package org.prochat.server.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters the coordinator keeps while it runs. Updated on the event loops, read from anywhere
 * (status line, web view), so every field is safe to read concurrently.
 */
public final class ServerStats {
  private final LongAdder bytesIn = new LongAdder();
  private final LongAdder bytesOut = new LongAdder();
  private final LongAdder messages = new LongAdder();
  private final LongAdder whispers = new LongAdder();
  private final LongAdder broadcasts = new LongAdder();
  private final LongAdder broadcastBytes = new LongAdder();
  private final LongAdder refusedConnections = new LongAdder();
  private volatile int clients;

  public void bytesIn(long n) {
    bytesIn.add(n);
  }

  public void bytesOut(long n) {
    bytesOut.add(n);
  }

  public void message() {
    messages.increment();
  }

  public void whisper() {
    whispers.increment();
  }

  /** One room event went out, costing the coordinator {@code bytesWritten} in total. */
  public void broadcast(long bytesWritten) {
    broadcasts.increment();
    broadcastBytes.add(bytesWritten);
  }

  public void refusedConnection() {
    refusedConnections.increment();
  }

  public void clients(int n) {
    clients = n;
  }

  /** A consistent-enough copy of every counter, for reports. */
  public Snapshot snapshot() {
    return new Snapshot(System.nanoTime(), clients, messages.sum(), whispers.sum(), bytesIn.sum(),
        bytesOut.sum(), broadcasts.sum(), broadcastBytes.sum(), refusedConnections.sum());
  }

  /** The counters at one moment; {@code atNanos} is {@link System#nanoTime()} then. */
  public record Snapshot(long atNanos, int clients, long messages, long whispers, long bytesIn,
      long bytesOut, long broadcasts, long broadcastBytes, long refusedConnections) {

    /** Public messages per second between {@code earlier} and this snapshot. */
    public double messagesPerSecond(Snapshot earlier) {
      double seconds = (atNanos - earlier.atNanos) / 1e9;
      return seconds <= 0 ? 0 : (messages - earlier.messages) / seconds;
    }

    /** Average bytes the coordinator wrote per broadcast, over its whole run. */
    public double bytesPerBroadcast() {
      return broadcasts == 0 ? 0 : (double) broadcastBytes / broadcasts;
    }
  }
}

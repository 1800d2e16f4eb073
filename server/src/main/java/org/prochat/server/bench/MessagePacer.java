package org.prochat.server.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts benchmark messages round-robin from a few users at a steady rate, for a given count on the
 * calling thread or as a background load until closed, and counts what the coordinator
 * acknowledged: those are the messages everyone in the room must see.
 */
final class MessagePacer implements AutoCloseable {
  private final List<BenchUser> senders;
  private final int rate;
  private final int size;
  private final AtomicLong posted = new AtomicLong();
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private volatile boolean stopping;
  private Thread load;

  /** @param rate messages per second, all senders together; 0: back to back (counted runs only) */
  MessagePacer(List<BenchUser> senders, int rate, int size) {
    this.senders = List.copyOf(senders);
    this.rate = rate;
    this.size = size;
  }

  /** Posts {@code count} messages and returns once the last one is sent (not yet acknowledged). */
  void post(int count) throws InterruptedException {
    SteadyRate pace = SteadyRate.startingNow(rate);
    for (int i = 0; i < count; i++) {
      pace.awaitTurn(i);
      postOne(i);
    }
  }

  /** Starts posting in the background until {@link #close()}; needs a rate above 0. */
  void start() {
    if (rate <= 0) {
      throw new IllegalStateException("a background load needs a rate, or it would post without end");
    }
    load = Thread.ofPlatform().name("bench-load").daemon().start(() -> {
      SteadyRate pace = SteadyRate.startingNow(rate);
      try {
        for (long i = 0; !stopping; i++) {
          pace.awaitTurn(i);
          postOne(i);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  /** Messages the coordinator posted (acknowledged as posted or as a resent duplicate). */
  long acknowledged() {
    return acknowledged.get();
  }

  /** Messages refused or never answered while the pacer waited. */
  long unanswered() {
    return posted.get() - acknowledged.get();
  }

  /**
   * Stops a background load, then waits until every message posted is answered (senders send
   * again what waits too long, so this ends unless a sender is gone).
   */
  @Override
  public void close() throws InterruptedException {
    stopping = true;
    if (load != null) {
      load.join();
    }
    BenchWait.within(() -> acknowledged.get() + refused.get() >= posted.get(), BenchWait.SETTLE);
  }

  private void postOne(long index) {
    posted.incrementAndGet();
    senders.get((int) (index % senders.size())).post(size).whenComplete((ack, failure) ->
        (failure == null ? acknowledged : refused).incrementAndGet());
  }
}

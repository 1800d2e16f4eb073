package org.prochat.server.bench;

import io.netty.channel.EventLoop;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The first line (its welcome) and the newest lines one simulated user of a sealed run received,
 * copied as they came (room events and checkpoints), so that what a real client would spend verifying them can be
 * measured after the run on real frames ({@link FanoutVerifyCost}). Bounded, and one user only, so
 * the generator stays cheap. Records on the generator's loop; read from anywhere through it.
 */
final class FanoutWitness {
  /**
   * Newest lines kept: checkpoints come at most every 50 ms, so at full speed these hold several,
   * with the events they sign.
   */
  static final int CAPACITY = 4096;

  private final ArrayDeque<byte[]> newest = new ArrayDeque<>(CAPACITY);
  private byte[] first;
  private final EventLoop loop;

  /** @param loop the loop of the witness's link, which alone records */
  FanoutWitness(EventLoop loop) {
    this.loop = loop;
  }

  /** Keeps the line {@code bytes[from, to)}, forgetting the oldest but the first when full; on the link's loop. */
  void record(byte[] bytes, int from, int to) {
    byte[] copy = Arrays.copyOfRange(bytes, from, to);
    if (first == null) {
      first = copy;
      return;
    }
    if (newest.size() == CAPACITY) {
      newest.removeFirst();
    }
    newest.addLast(copy);
  }

  /** What was recorded so far, in order. */
  List<byte[]> lines() throws InterruptedException {
    try {
      return loop.submit(() -> {
        List<byte[]> all = new ArrayList<>();
        if (first != null) {
          all.add(first);
        }
        all.addAll(newest);
        return all;
      }).get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the generator's loop did not hand the witnessed lines over", e);
    }
  }
}

package org.prochat.server.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The first lines one simulated user of a sealed run received, copied as they came (its welcome,
 * then room events and checkpoints), so that what a real client would spend verifying them can be
 * measured after the run on real frames ({@link FanoutVerifyCost}). Bounded, and one user only, so
 * the generator stays cheap. Records on the generator's loop; read from anywhere through it.
 */
final class FanoutWitness {
  /** Lines kept: enough for many checkpoints and the events they sign, at any rate. */
  static final int CAPACITY = 512;

  private final List<byte[]> lines = new ArrayList<>();
  private final EventLoop loop;

  /** @param loop the loop of the witness's link, which alone records */
  FanoutWitness(EventLoop loop) {
    this.loop = loop;
  }

  /** Keeps {@code line} while there is room; on the link's loop. */
  void record(ByteBuf line) {
    if (lines.size() < CAPACITY) {
      lines.add(ByteBufUtil.getBytes(line));
    }
  }

  /** What was recorded so far, in order. */
  List<byte[]> lines() throws InterruptedException {
    try {
      return loop.submit(() -> List.copyOf(lines)).get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the generator's loop did not hand the witnessed lines over", e);
    }
  }
}

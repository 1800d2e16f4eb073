package org.prochat.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** A socket's lines as the loopback reader takes them: whole, however the reads cut them, warm-up apart. */
class LoopbackReceiverTest {
  private static final long NOW = 5_000_000_000L;
  private final LoopbackLine line = LoopbackLine.forTextSize(64);

  /** Three lines, sent 100, 200 and 300 µs before {@link #NOW}, back to back. */
  private byte[] threeLines() {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    for (long micros = 100; micros <= 300; micros += 100) {
      ByteBuffer copy = line.copy();
      line.stamp(copy, NOW - micros * 1_000);
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      stream.writeBytes(bytes);
    }
    return stream.toByteArray();
  }

  /** Feeds {@code bytes} in two reads, cut at {@code cut}. */
  private static void read(LoopbackReceiver receiver, byte[] bytes, int cut) {
    receiver.take(ByteBuffer.wrap(bytes, 0, cut).slice(), NOW);
    receiver.take(ByteBuffer.wrap(bytes, cut, bytes.length - cut).slice(), NOW);
  }

  @Test
  void aTimedSocketTimesEveryLineWhereverAReadEnds() {
    byte[] bytes = threeLines();
    for (int cut = 0; cut <= bytes.length; cut++) {
      Histogram latency = new Histogram(3);
      LoopbackReceiver receiver = new LoopbackReceiver(line, 0, latency);

      read(receiver, bytes, cut);

      assertThat(receiver.lines()).as("cut at %d", cut).isEqualTo(3);
      assertThat(latency.getTotalCount()).isEqualTo(3);
      assertThat(latency.getMinValue()).isEqualTo(100);
      assertThat(latency.getMaxValue()).isEqualTo(300);
    }
  }

  @Test
  void aCountedSocketCountsEveryLineOnceWhereverAReadEnds() {
    byte[] bytes = threeLines();
    for (int cut = 0; cut <= bytes.length; cut++) {
      LoopbackReceiver receiver = new LoopbackReceiver(line, 0, null);

      read(receiver, bytes, cut);

      assertThat(receiver.lines()).as("cut at %d", cut).isEqualTo(3);
    }
  }

  @Test
  void linesReadAByteAtATimeComeOutWhole() {
    byte[] bytes = threeLines();
    Histogram latency = new Histogram(3);
    LoopbackReceiver receiver = new LoopbackReceiver(line, 0, latency);

    for (int i = 0; i < bytes.length; i++) {
      receiver.take(ByteBuffer.wrap(bytes, i, 1).slice(), NOW);
    }

    assertThat(latency.getTotalCount()).isEqualTo(3);
    assertThat(latency.getMean()).isEqualTo(200.0);
  }

  @Test
  void warmUpLinesAreNeitherTimedNorCountedAsMeasured() {
    Histogram latency = new Histogram(3);
    LoopbackReceiver timed = new LoopbackReceiver(line, 2, latency);
    LoopbackReceiver counted = new LoopbackReceiver(line, 2, null);

    timed.take(ByteBuffer.wrap(threeLines()), NOW);
    counted.take(ByteBuffer.wrap(threeLines()), NOW);

    assertThat(latency.getTotalCount()).isEqualTo(1);
    assertThat(latency.getMaxValue()).as("the third line's").isEqualTo(300);
    assertThat(timed.measuredLines()).isEqualTo(1);
    assertThat(counted.lines()).isEqualTo(3);
    assertThat(counted.measuredLines()).isEqualTo(1);
  }
}

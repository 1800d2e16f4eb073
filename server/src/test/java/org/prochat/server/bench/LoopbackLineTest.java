package org.prochat.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.Message;

/** The loopback line: the coordinator's message event for a fan-out text, with each broadcast's stamp in it. */
class LoopbackLineTest {
  private static byte[] bytes(ByteBuffer copy) {
    byte[] bytes = new byte[copy.remaining()];
    copy.duplicate().get(bytes);
    return bytes;
  }

  @Test
  void theLineIsAMessageEventWithAFanoutTextOfTheSize() throws Exception {
    LoopbackLine line = LoopbackLine.forTextSize(64);
    ByteBuffer copy = line.copy();
    long now = System.nanoTime();
    line.stamp(copy, now);
    byte[] bytes = bytes(copy);

    assertThat(bytes).hasSize(line.length()).endsWith((byte) '\n');
    assertThat(line.length()).as("about the 143 bytes a fan-out run's 64-byte texts make").isBetween(135, 150);
    Message message = (Message) FrameCodec.instance().decode(Arrays.copyOf(bytes, bytes.length - 1));
    assertThat(message.text()).isEqualTo(FanoutLoad.text(now, FanoutLoad.padding(64)));
  }

  @Test
  void theLatencyIsFromTheStampToNow() {
    LoopbackLine line = LoopbackLine.forTextSize(200);
    ByteBuffer copy = line.copy();
    long stamp = System.nanoTime();
    line.stamp(copy, stamp);
    byte[] bytes = bytes(copy);

    assertThat(line.latencyNanos(bytes, 0, bytes.length - 1, stamp + 1_234_567)).isEqualTo(1_234_567);
    line.stamp(copy, stamp + 10);
    assertThat(line.latencyNanos(bytes(copy), 0, bytes.length - 1, stamp + 10)).isZero();
  }
}

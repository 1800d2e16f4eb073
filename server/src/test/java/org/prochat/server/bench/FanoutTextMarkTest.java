package org.prochat.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.prochat.crypto.EventChain;
import org.prochat.protocol.Frame;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.Join;
import org.prochat.protocol.Message;

/** The generator's scan for a message's send time, on lines as the coordinator really encodes them. */
class FanoutTextMarkTest {
  private static ByteBuf line(Frame frame) {
    return Unpooled.wrappedBuffer(FrameCodec.instance().encode(frame));
  }

  private static Message message(String text) {
    return new Message(7, 1795314531002L, "bf0", "bf0-1", text);
  }

  @Test
  void findsTheSendTimeInAPlainMessage() {
    assertThat(FanoutTextMark.PLAIN.sentNanos(line(message("fb 123456789 xxxx")))).isEqualTo(123456789L);
  }

  @Test
  void findsTheSendTimeEscapedInsideAChainedEvent() {
    ByteBuf chained = line(new EventChain().append(message("fb 987654321 xxxx")));

    assertThat(FanoutTextMark.CHAINED.sentNanos(chained)).isEqualTo(987654321L);
    assertThat(FanoutTextMark.PLAIN.sentNanos(chained)).as("a chained line holds the mark escaped").isEqualTo(-1);
  }

  @Test
  void aLineWithoutABenchmarkTextCarriesNoSendTime() {
    assertThat(FanoutTextMark.PLAIN.sentNanos(line(message("fine, from me")))).isEqualTo(-1);
    assertThat(FanoutTextMark.CHAINED.sentNanos(line(new EventChain().append(
        new Join(8, 1795314532000L, "fb"))))).isEqualTo(-1);
  }
}

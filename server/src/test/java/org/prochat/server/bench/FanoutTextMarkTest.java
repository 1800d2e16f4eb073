package org.prochat.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.prochat.crypto.EventChain;
import org.prochat.protocol.Frame;
import org.prochat.protocol.FrameCodec;
import org.prochat.protocol.Join;
import org.prochat.protocol.Message;

/** The generator's scan for a message's send time, on lines as the coordinator really encodes them. */
class FanoutTextMarkTest {
  private static long sentNanos(FanoutTextMark mark, Frame frame) {
    // Within a bigger array, as the line splitter hands lines over.
    byte[] json = FrameCodec.instance().encode(frame);
    byte[] bytes = new byte[json.length + 10];
    System.arraycopy(json, 0, bytes, 5, json.length);
    return mark.sentNanos(bytes, 5, 5 + json.length);
  }

  private static Message message(String text) {
    return new Message(7, 1795314531002L, "bf0", "bf0-1", text);
  }

  @Test
  void findsTheSendTimeInAPlainMessage() {
    assertThat(sentNanos(FanoutTextMark.PLAIN, message("fb 123456789 xxxx"))).isEqualTo(123456789L);
  }

  @Test
  void findsTheSendTimeEscapedInsideAChainedEvent() {
    Frame chained = new EventChain().append(message("fb 987654321 xxxx"));

    assertThat(sentNanos(FanoutTextMark.CHAINED, chained)).isEqualTo(987654321L);
    assertThat(sentNanos(FanoutTextMark.PLAIN, chained)).as("a chained line holds the mark escaped").isEqualTo(-1);
  }

  @Test
  void aLineWithoutABenchmarkTextCarriesNoSendTime() {
    assertThat(sentNanos(FanoutTextMark.PLAIN, message("fine, from me"))).isEqualTo(-1);
    assertThat(sentNanos(FanoutTextMark.CHAINED, new EventChain().append(new Join(8, 1795314532000L, "fb"))))
        .isEqualTo(-1);
  }
}

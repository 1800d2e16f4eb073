package org.prochat.server.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.Arrays;
import org.prochat.protocol.Frame;
import org.prochat.wire.WirePipeline;

/** Lines as the fan-out generator writes and recognises them, without parsing what it receives. */
final class FanoutLines {
  private FanoutLines() {}

  /** {@code frame} as one line, newline included, encoded as every link encodes it. */
  static ByteBuf encode(Frame frame) {
    return WirePipeline.encodeLine(UnpooledByteBufAllocator.DEFAULT, frame);
  }

  /** True when {@code bytes[from, to)} starts with {@code prefix}. */
  static boolean startsWith(byte[] bytes, int from, int to, byte[] prefix) {
    return to - from >= prefix.length && Arrays.equals(bytes, from, from + prefix.length, prefix, 0, prefix.length);
  }
}

package org.prochat.server.bench;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import io.netty.buffer.Unpooled;
import org.prochat.protocol.Frame;
import org.prochat.protocol.FrameCodec;

/** Lines as the fan-out generator writes and recognises them, without parsing what it receives. */
final class FanoutLines {
  private FanoutLines() {}

  /** {@code frame} as one line, newline included. */
  static ByteBuf encode(Frame frame) {
    byte[] json = FrameCodec.instance().encode(frame);
    return Unpooled.buffer(json.length + 1).writeBytes(json).writeByte('\n');
  }

  /** True when {@code bytes[from, to)} starts with {@code prefix}. */
  static boolean startsWith(byte[] bytes, int from, int to, byte[] prefix) {
    return to - from >= prefix.length && Arrays.equals(bytes, from, from + prefix.length, prefix, 0, prefix.length);
  }
}
